//! Norwegian words for the model's terms, as advisors and veiledere say them.

use crate::model::{CriterionKind, Importance, MatchHow, TagKind};
use crate::service::Role;

pub fn role(role: Role) -> &'static str {
    match role {
        Role::Advisor => "rekrutteringsrådgiver",
        Role::Veileder => "veileder",
        Role::Admin => "administrator",
    }
}

pub fn kind(kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Occupation => "Yrke",
        CriterionKind::Experience => "Erfaring",
        CriterionKind::Skill => "Ferdighet",
        CriterionKind::Certificate => "Sertifikat eller kurs",
        CriterionKind::Education => "Utdanning",
        CriterionKind::Language => "Språk",
        CriterionKind::Interest => "Interesse",
        CriterionKind::Quality => "Egenskap",
        CriterionKind::Shift => "Skift",
        CriterionKind::Extent => "Stillingsprosent",
        CriterionKind::Distance => "Avstand (km)",
        CriterionKind::StartDate => "Oppstart",
        CriterionKind::Demand => "Krav i jobben",
    }
}

pub fn importance(importance: Importance) -> &'static str {
    match importance {
        Importance::Must => "Må ha",
        Importance::Adjustable => "Ønske",
    }
}

/// How a criterion was met, for the explanation column.
pub fn how(how: MatchHow) -> &'static str {
    match how {
        MatchHow::Exact => "Eksakt",
        MatchHow::Synonym => "Synonym eller beslektet",
        MatchHow::CompoundPart => "Del av sammensatt ord",
        MatchHow::Typo => "Skrivefeil tolerert",
        MatchHow::Tag => "Fra veileders tagg",
        MatchHow::Partial => "Delvis",
        MatchHow::SomeWords => "Noen av ordene",
        MatchHow::Semantic => "Semantisk (ligner)",
        MatchHow::Summary => "Nevnt i sammendraget",
        MatchHow::Adapted => "Arbeidsgiver tilpasser",
        MatchHow::NotMatched => "Ikke oppfylt",
    }
}

pub fn tag_kind(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Interest => "Interesse",
        TagKind::InformalSkill => "Uformell ferdighet",
        TagKind::WorkPreference => "Arbeidspreferanse",
    }
}

/// The profile part evidence came from.
pub fn source(source: &str) -> &str {
    match source {
        "experience" => "erfaring",
        "desired_occupations" => "ønsket yrke",
        "education" => "utdanning",
        "fagbrev" => "fagbrev",
        "certificates" => "sertifikater",
        "skills" => "ferdigheter",
        "tags" => "veileders tagg",
        "summary" => "sammendrag",
        "languages" => "språk",
        "shifts" => "skift",
        "profile" => "profil",
        "adaptation_needs" => "tilrettelegging",
        other => other,
    }
}

/// A criterion's label (`certificate førerkort B`, as the API names it) in Norwegian:
/// `Sertifikat eller kurs: førerkort B`.
pub fn criterion(label: &str) -> String {
    for kind in CriterionKind::ALL {
        if let Some(rest) = label.strip_prefix(kind.name()).and_then(|rest| rest.strip_prefix(' ')) {
            return format!("{}: {}", self::kind(kind), rest.replace(" år", " år erfaring"));
        }
    }
    match label {
        crate::matching::plan::COMMUTE_LABEL => "Nærhet, innen kandidatens pendlegrense".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn criterion_labels_read_in_norwegian() {
        assert_eq!(super::criterion("certificate førerkort B"), "Sertifikat eller kurs: førerkort B");
        assert_eq!(super::criterion("start_date 2027-01-04"), "Oppstart: 2027-01-04");
        assert_eq!(super::criterion("distance ≤ 40 km"), "Avstand (km): ≤ 40 km");
        assert_eq!(super::criterion("nærhet"), "Nærhet, innen kandidatens pendlegrense");
    }
}
