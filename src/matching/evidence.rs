//! Graded evidence: how strongly one part of a profile meets a criterion.
//!
//! Each candidate gets one evidence code per criterion, the strongest found. Codes are ordered
//! so that "strongest" is simply the largest, and each has a fixed grade (0–1) in the score:
//!
//! | code | how | grade |
//! |---|---|---|
//! | 7 | exact word (any inflection) or structured fact | 1.00 |
//! | 6 | synonym, narrower term, or wider licence class | 0.90 |
//! | 5 | part of a compound | 0.80 |
//! | 4 | typo-tolerant | 0.75 |
//! | 3 | a veileder's tag | 0.70 |
//! | 2 | partial (below the level or years asked) | 0.50 |
//! | 1 | mention in the free-text summary | 0.35 |
//!
//! A tag is an informed judgement by the person who knows the candidate: weaker than the CV's own
//! words, but not by half. The evaluation suite (README) measured the spacing: with tags at 0.55,
//! candidates whose two top wishes were known only from tags lost to candidates with one CV match.
//!
//! A must-have is met by code 3 or more: tags count, summaries and partial matches do not.

use crate::index::{ProfileField, Source};
use crate::model::MatchHow;

/// Strength of evidence, 0 (none) to 7 (exact).
pub type Code = u8;

pub const NONE: Code = 0;
pub const SUMMARY: Code = 1;
pub const PARTIAL: Code = 2;
pub const TAG: Code = 3;
pub const TYPO: Code = 4;
pub const COMPOUND: Code = 5;
pub const SYNONYM: Code = 6;
pub const EXACT: Code = 7;

/// The weakest code that meets a must-have.
pub const PASS: Code = TAG;

/// Grade of each code.
pub const GRADES: [f32; 8] = [0.0, 0.35, 0.5, 0.7, 0.75, 0.8, 0.9, 1.0];

/// The grade of `code`.
pub fn grade(code: Code) -> f32 {
    GRADES[usize::from(code.min(EXACT))]
}

/// The code of a match made `how` in `field`: tags and summaries have their own grades whatever
/// the word match was.
pub fn code(field: ProfileField, how: MatchHow) -> Code {
    match field.source() {
        Source::Tag => TAG,
        Source::Summary => SUMMARY,
        Source::Cv => match how {
            MatchHow::Exact | MatchHow::Adapted => EXACT,
            MatchHow::Synonym => SYNONYM,
            MatchHow::CompoundPart => COMPOUND,
            MatchHow::Typo => TYPO,
            MatchHow::Tag => TAG,
            MatchHow::Partial => PARTIAL,
            MatchHow::Summary => SUMMARY,
            MatchHow::NotMatched => NONE,
        },
    }
}

/// How a code reads in an explanation.
pub fn how(code: Code) -> MatchHow {
    match code {
        EXACT => MatchHow::Exact,
        SYNONYM => MatchHow::Synonym,
        COMPOUND => MatchHow::CompoundPart,
        TYPO => MatchHow::Typo,
        TAG => MatchHow::Tag,
        PARTIAL => MatchHow::Partial,
        SUMMARY => MatchHow::Summary,
        _ => MatchHow::NotMatched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_follow_the_documented_order() {
        // exact > synonym/broader > compound part > typo > tag > partial > free-text mention
        assert!(GRADES.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(grade(EXACT), 1.0);
    }

    #[test]
    fn tags_and_summaries_grade_by_source() {
        assert_eq!(code(ProfileField::TagInterest, MatchHow::Exact), TAG);
        assert_eq!(code(ProfileField::Summary, MatchHow::Exact), SUMMARY);
        assert_eq!(code(ProfileField::Skill, MatchHow::Typo), TYPO);
        assert!(code(ProfileField::TagSkill, MatchHow::Typo) >= PASS, "a typo'd tag still meets a must");
        const { assert!(SUMMARY < PASS && PARTIAL < PASS) };
    }
}
