//! Footnotes numbered in order of first use, with ids that cannot collide with the
//! ids of headings.

use pulldown_cmark::Event;

/// Footnotes numbered in order of first use, with ids (`fn-N`, `fnref-N`) that
/// cannot collide with heading ids made from text such as "1".
#[derive(Default)]
pub(super) struct Footnotes {
    labels: Vec<String>,
    referenced: Vec<bool>,
}

impl Footnotes {
    fn number(&mut self, label: &str) -> usize {
        match self.labels.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.labels.push(label.to_string());
                self.referenced.push(false);
                self.labels.len()
            }
        }
    }

    pub(super) fn reference(&mut self, label: &str) -> Event<'static> {
        let n = self.number(label);
        // Only the first reference carries the id the note links back to.
        let id = if std::mem::replace(&mut self.referenced[n - 1], true) {
            String::new()
        } else {
            format!(" id=\"fnref-{n}\"")
        };
        Event::InlineHtml(
            format!("<sup class=\"footnote-reference\"{id}><a href=\"#fn-{n}\">{n}</a></sup>")
                .into(),
        )
    }

    pub(super) fn definition(&mut self, label: &str) -> Event<'static> {
        let n = self.number(label);
        Event::Html(format!("<div class=\"footnote-definition\" id=\"fn-{n}\"><sup class=\"footnote-definition-label\">{n}</sup>").into())
    }

    pub(super) fn ids(&self) -> Vec<String> {
        (1..=self.labels.len())
            .flat_map(|n| [format!("fn-{n}"), format!("fnref-{n}")])
            .collect()
    }
}
