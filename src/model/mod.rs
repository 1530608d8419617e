//! Plain serde data: candidate profiles, job needs and the shortlists we return.
//!
//! These types are the project's file and wire formats (documented in the README). They carry
//! no behaviour beyond parsing and validation; matching lives in [`crate::matching`].

mod candidate;
mod draft;
mod level;
mod need;
mod shortlist;

pub use candidate::optional_date::{format as format_date, parse as parse_date};
pub(crate) use candidate::validate_id;
pub use candidate::{
    Candidate, CandidateError, Education, EducationLevel, Experience, ExtentRange, GeoPoint, LanguageSkill, Shift, Tag,
    TagKind,
};
pub use draft::{Answer, Draft, Refused, Unrecognised};
pub use level::{LanguageLevel, UnknownLevel};
pub use need::{
    Adaptable, Checked, Criterion, CriterionKind, Importance, JobNeed, MAX_TOP, NeedError, ReflectionAnswers,
};
pub use shortlist::{
    AdaptationNote, CriterionOutcome, Evidence, Gap, MatchHow, NearMiss, Relaxation, Shortlist, ShortlistEntry,
};

/// Finds a run of 11 digits: the shape of a Norwegian national identity number (fødselsnummer).
/// Synthetic data must never contain one, so any text field that does is refused at load time.
pub fn looks_like_national_id(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run == 11 {
                return true;
            }
        } else if c != ' ' || run == 0 {
            run = 0;
        }
    }
    false
}

/// A free-text cell as it may go into an exported CSV: one a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) gets an apostrophe in front.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}").into() } else { cell.into() }
}

#[cfg(test)]
mod tests {
    use super::looks_like_national_id;

    #[test]
    fn national_id_shapes_are_spotted() {
        assert!(looks_like_national_id("fnr 01019012345"));
        assert!(looks_like_national_id("010190 12345"));
        assert!(!looks_like_national_id("tlf 12345678, postnr 4630"));
        assert!(!looks_like_national_id("K100023"));
    }
}
