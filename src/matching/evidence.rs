//! Graded evidence: how strongly one part of a profile meets a criterion.
//!
//! Each candidate gets one [`Strength`] per criterion, the strongest found. Strengths are ordered
//! so that "strongest" is simply the largest, and each has a fixed grade (0–1) in the score:
//!
//! | strength | how | grade |
//! |---|---|---|
//! | `Exact` | exact word (any inflection) or structured fact | 1.00 |
//! | `Synonym` | synonym, narrower term, or wider licence class | 0.90 |
//! | `Compound` | part of a compound | 0.80 |
//! | `Typo` | typo-tolerant | 0.75 |
//! | `Tag` | a veileder's tag | 0.70 |
//! | `Semantic` | a phrase that resembles the criterion (semantic layer; wishes only) | 0.60 |
//! | `Partial` | partial (below the level or years asked) | 0.50 |
//! | `Summary` | mention in the free-text summary | 0.35 |
//!
//! A tag is an informed judgement by the person who knows the candidate: weaker than the CV's own
//! words, but not by half. The evaluation suite (README) measured the spacing: with tags at 0.55,
//! candidates whose two top wishes were known only from tags lost to candidates with one CV match.
//!
//! A must-have is met by a tag or stronger: summaries and partial matches do not meet one.
//!
//! A match may also cover only some of a phrase's words (`dyr` of `arbeid med dyr`): its
//! [`Support`] has a [`Coverage`] below whole, grades by the share of the phrase's weight the
//! words carry (rarer words weigh more), at most [`PARTIAL_PHRASE_MAX`] — below a tag, so that
//! evidence that meets a must-have always grades above evidence that cannot.

use crate::index::{ProfileField, Source};
use crate::model::MatchHow;

/// How strongly a profile meets a criterion, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(u8)]
pub enum Strength {
    /// No evidence.
    #[default]
    None,
    /// A mention in the free-text summary.
    Summary,
    /// Below the level or the years asked.
    Partial,
    /// A phrase that resembles the criterion (the semantic layer).
    Semantic,
    /// A veileder's tag.
    Tag,
    /// Within typo distance.
    Typo,
    /// A part of a compound.
    Compound,
    /// A synonym, a narrower term, or a wider licence class.
    Synonym,
    /// The word itself (any inflection), or a structured fact.
    Exact,
}

impl Strength {
    /// The weakest strength that meets a must-have.
    pub const PASS: Strength = Strength::Tag;

    /// Every strength, weakest first.
    pub const ALL: [Strength; 9] = [
        Strength::None,
        Strength::Summary,
        Strength::Partial,
        Strength::Semantic,
        Strength::Tag,
        Strength::Typo,
        Strength::Compound,
        Strength::Synonym,
        Strength::Exact,
    ];

    /// Its grade in the score.
    pub fn grade(self) -> f32 {
        match self {
            Strength::None => 0.0,
            Strength::Summary => 0.35,
            Strength::Partial => 0.5,
            Strength::Semantic => 0.6,
            Strength::Tag => 0.7,
            Strength::Typo => 0.75,
            Strength::Compound => 0.8,
            Strength::Synonym => 0.9,
            Strength::Exact => 1.0,
        }
    }

    /// Whether it meets a must-have.
    pub fn passes(self) -> bool {
        self >= Strength::PASS
    }

    /// The strength of a match made `how` in `field`: tags and summaries have their own strength
    /// whatever the word match was.
    pub fn of(field: ProfileField, how: MatchHow) -> Strength {
        match field.source() {
            Source::Tag => Strength::Tag,
            Source::Summary => Strength::Summary,
            Source::Semantic => Strength::Semantic,
            Source::Cv => match how {
                MatchHow::Exact | MatchHow::Adapted => Strength::Exact,
                MatchHow::Synonym => Strength::Synonym,
                MatchHow::CompoundPart => Strength::Compound,
                MatchHow::Typo => Strength::Typo,
                MatchHow::Tag => Strength::Tag,
                MatchHow::Partial | MatchHow::SomeWords => Strength::Partial,
                MatchHow::Semantic => Strength::Semantic,
                MatchHow::Summary => Strength::Summary,
                MatchHow::NotMatched => Strength::None,
            },
        }
    }

    /// How it reads in an explanation.
    pub fn how(self) -> MatchHow {
        match self {
            Strength::Exact => MatchHow::Exact,
            Strength::Synonym => MatchHow::Synonym,
            Strength::Compound => MatchHow::CompoundPart,
            Strength::Typo => MatchHow::Typo,
            Strength::Tag => MatchHow::Tag,
            Strength::Partial => MatchHow::Partial,
            Strength::Semantic => MatchHow::Semantic,
            Strength::Summary => MatchHow::Summary,
            Strength::None => MatchHow::NotMatched,
        }
    }
}

/// The most a match on some of a phrase's words can grade: below a veileder's tag (0.70).
pub const PARTIAL_PHRASE_MAX: f32 = 0.65;

/// The share of a criterion's words a match covers, in per cent (100: all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coverage(u8);

impl Coverage {
    /// Every word of the criterion, or a structured fact.
    pub const WHOLE: Coverage = Coverage(100);

    /// Some of the words, carrying `share` (0–1) of the phrase's weight.
    pub fn part(share: f32) -> Coverage {
        Coverage((share * 100.0).round().clamp(1.0, 99.0) as u8)
    }

    pub fn is_whole(self) -> bool {
        self == Coverage::WHOLE
    }

    /// The share, 0–1.
    pub fn share(self) -> f32 {
        f32::from(self.0) / 100.0
    }
}

/// How well one part of a profile supports a criterion: the strength of the match, and how much
/// of the criterion it covers. Ordered by grade, so "the strongest" is the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Support {
    pub strength: Strength,
    pub coverage: Coverage,
}

impl Support {
    /// No evidence.
    pub const NONE: Support = Support { strength: Strength::None, coverage: Coverage::WHOLE };

    /// A match on the whole criterion.
    pub fn whole(strength: Strength) -> Support {
        Support { strength, coverage: Coverage::WHOLE }
    }

    /// Its grade in the score.
    pub fn grade(self) -> f32 {
        if self.coverage.is_whole() {
            self.strength.grade()
        } else {
            (self.strength.grade() * self.coverage.share()).min(PARTIAL_PHRASE_MAX)
        }
    }

    /// Whether it meets a must-have: the whole requirement, at a tag or stronger.
    pub fn passes(self) -> bool {
        self.coverage.is_whole() && self.strength.passes()
    }

    /// How it reads in an explanation.
    pub fn how(self) -> MatchHow {
        match self.strength {
            Strength::None | Strength::Semantic => self.strength.how(),
            _ if self.coverage.is_whole() => self.strength.how(),
            _ => MatchHow::SomeWords,
        }
    }
}

impl Default for Support {
    fn default() -> Self {
        Support::NONE
    }
}

impl Ord for Support {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.grade()
            .total_cmp(&other.grade())
            .then(self.strength.cmp(&other.strength))
            .then(self.coverage.cmp(&other.coverage))
    }
}

impl PartialOrd for Support {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_follow_the_documented_order() {
        // exact > synonym/broader > compound part > typo > tag > partial > free-text mention
        assert!(Strength::ALL.windows(2).all(|pair| pair[0] < pair[1] && pair[0].grade() < pair[1].grade()));
        assert_eq!(Strength::Exact.grade(), 1.0);
    }

    #[test]
    fn tags_and_summaries_grade_by_source() {
        assert_eq!(Strength::of(ProfileField::TagInterest, MatchHow::Exact), Strength::Tag);
        assert_eq!(Strength::of(ProfileField::Summary, MatchHow::Exact), Strength::Summary);
        assert_eq!(Strength::of(ProfileField::Skill, MatchHow::Typo), Strength::Typo);
        assert!(Strength::of(ProfileField::TagSkill, MatchHow::Typo).passes(), "a typo'd tag still meets a must");
        assert!(!Strength::Summary.passes() && !Strength::Partial.passes());
    }

    #[test]
    fn some_of_a_phrases_words_grade_below_a_tag_and_never_pass() {
        let most = Support { strength: Strength::Exact, coverage: Coverage::part(0.99) };
        assert!(most.grade() < Support::whole(Strength::Tag).grade() && !most.passes());
        let half = Support { strength: Strength::Exact, coverage: Coverage::part(0.5) };
        assert_eq!(half.grade(), 0.5);
        assert!(half < most && most < Support::whole(Strength::Tag));
        assert_eq!(half.how(), MatchHow::SomeWords);
    }
}
