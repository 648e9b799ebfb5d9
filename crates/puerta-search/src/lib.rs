//! Search schema and text analysis shared by the `puerta` builder (native) and the
//! browser runtime (`puerta-search-wasm`).
//!
//! Stage: index / query. Input: documents and query strings. Output: index fields and
//! normalized terms. This is a skeleton: the tantivy index arrives with the search issue;
//! what is here is the part both sides must already agree on.

/// Version of the on-disk index format; the browser runtime refuses any other.
pub const INDEX_FORMAT_VERSION: u32 = 1;

/// The kinds of documents the index holds, as written in URLs and `--kind` filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A blog article.
    Article,
    /// A plain page (about, help).
    Page,
}

impl Kind {
    /// The name used in JSON output and filters.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Page => "page",
        }
    }
}

/// Lower-cases `text` and folds the marks that readers leave out when they type:
/// Latin accents, Greek tonos and dialytika, and Greek final sigma (ς → σ).
///
/// Folding happens before stemming so that "αθηνα" finds "Αθήνα" and "asilo" finds
/// "Asílo".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

fn fold_char(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        'ς' => 'σ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_greek_tonos_and_final_sigma() {
        assert_eq!(fold("Πρόσφυγας"), "προσφυγασ");
        assert_eq!(fold("Αθήνα"), "αθηνα");
    }

    #[test]
    fn folds_spanish_accents_but_keeps_enye() {
        assert_eq!(fold("Extranjería ÑANDÚ"), "extranjeria ñandu");
    }
}
