//! Ranking metrics over graded judgements (0–3; unjudged counts as 0).

use std::collections::HashMap;

/// Normalised discounted cumulative gain at `k`: gain 2^grade − 1, discount log2(rank + 1),
/// divided by the gain of the ideal ordering of every judged candidate. `None` when nobody is
/// relevant (the need has no right answer to rank).
pub fn ndcg_at(k: usize, ranked: &[String], grades: &HashMap<String, u8>) -> Option<f64> {
    let gain = |grade: u8| f64::from((1u32 << grade) - 1);
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain(grades.get(id).copied().unwrap_or(0)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u8> = grades.values().copied().filter(|&g| g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal.iter().take(k).enumerate().map(|(i, &g)| gain(g) / (i as f64 + 2.0).log2()).sum();
    (idcg > 0.0).then(|| dcg / idcg)
}

/// Share of `relevant` found in the first `k` of `ranked`; `None` when there is nothing to find.
pub fn recall_at(k: usize, ranked: &[String], relevant: &[String]) -> Option<f64> {
    if relevant.is_empty() {
        return None;
    }
    let top: Vec<&String> = ranked.iter().take(k).collect();
    Some(relevant.iter().filter(|id| top.contains(id)).count() as f64 / relevant.len() as f64)
}

/// How much each judged candidate belongs in an ideal top `k`: 1 for grades above the grade at
/// rank `k` of the ideal ordering, a share of the remaining places for candidates tied at that
/// grade, 0 below it. Recall weighted by this is 1 for a perfect ranking, however many relevant
/// candidates the pool holds.
pub fn ideal_share(k: usize, grades: &HashMap<String, u8>) -> HashMap<String, f64> {
    let mut ordered: Vec<u8> = grades.values().copied().filter(|&g| g > 0).collect();
    ordered.sort_unstable_by(|a, b| b.cmp(a));
    let Some(&cut) = ordered.get(k.min(ordered.len()).saturating_sub(1)) else { return HashMap::new() };
    let above = ordered.iter().filter(|&&g| g > cut).count();
    let tied = ordered.iter().filter(|&&g| g == cut).count();
    let tied_share = if ordered.len() <= k { 1.0 } else { (k - above) as f64 / tied as f64 };
    grades
        .iter()
        .filter(|(_, g)| **g > 0)
        .map(|(id, &g)| {
            (
                id.clone(),
                if g > cut {
                    1.0
                } else if g == cut {
                    tied_share
                } else {
                    0.0
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(pairs: &[(&str, u8)]) -> HashMap<String, u8> {
        pairs.iter().map(|(id, g)| (id.to_string(), *g)).collect()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
        let judged = grades(&[("a", 3), ("b", 2), ("c", 0)]);
        assert_eq!(ndcg_at(10, &ids(&["a", "b", "c"]), &judged), Some(1.0));
        let swapped = ndcg_at(10, &ids(&["b", "a"]), &judged).expect("relevant exist");
        assert!(swapped < 1.0 && swapped > 0.8, "{swapped}");
        assert_eq!(ndcg_at(10, &ids(&["c", "x"]), &judged), Some(0.0));
        assert_eq!(ndcg_at(10, &ids(&["a"]), &grades(&[("a", 0)])), None);
    }

    #[test]
    fn ideal_shares_split_the_places_left_among_ties() {
        let judged = grades(&[("a", 3), ("b", 2), ("c", 2), ("d", 2), ("e", 0)]);
        let shares = ideal_share(2, &judged);
        assert_eq!(shares["a"], 1.0);
        assert!((shares["b"] - 1.0 / 3.0).abs() < 1e-9);
        assert!(!shares.contains_key("e"));
        let all = ideal_share(10, &judged);
        assert!(all.values().all(|&s| s == 1.0), "everyone fits in a top 10");
    }

    #[test]
    fn recall_counts_what_is_in_the_top() {
        let relevant = ids(&["a", "b"]);
        assert_eq!(recall_at(1, &ids(&["a", "b"]), &relevant), Some(0.5));
        assert_eq!(recall_at(10, &ids(&["x"]), &relevant), Some(0.0));
        assert_eq!(recall_at(10, &ids(&["x"]), &[]), None);
    }
}
