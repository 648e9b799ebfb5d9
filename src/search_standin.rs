//! Index stage, stand-in: one small tantivy index per language of the site's articles
//! and pages (title, summary, body, URL, kind), until `puerta-search`'s builder (its
//! schema, analyzers and every directory entity) takes its place.
//!
//! Input: the resolved site and a language. Output: the index files (name, bytes),
//! written in memory, one segment.

use std::path::Path;

use tantivy::directory::RamDirectory;
use tantivy::index::SegmentComponent;
use tantivy::schema::{Schema, STORED, STRING, TEXT};
use tantivy::{doc, Directory, Index};

use crate::content::Section;
use crate::model::Site;
use crate::render::context::entry_path;
use crate::urls;

/// The index files of `lang`: every article and page written in that language.
pub fn index_files(site: &Site, lang: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", TEXT | STORED);
    let summary = schema.add_text_field("summary", TEXT | STORED);
    let body = schema.add_text_field("body", TEXT | STORED);
    let url = schema.add_text_field("url", STRING | STORED);
    let kind = schema.add_text_field("kind", STRING | STORED);
    let dir = RamDirectory::create();
    // Small blocks of stored documents: a hit's title and snippet cost one block.
    let settings = tantivy::IndexSettings {
        docstore_blocksize: 4096,
        ..Default::default()
    };
    let index = Index::create(dir.clone(), schema.build(), settings).map_err(|e| e.to_string())?;
    let mut writer = index
        .writer_with_num_threads(1, 30_000_000)
        .map_err(|e| e.to_string())?;
    let base = site.config.base_path();
    for entry in site.articles.iter().chain(&site.pages) {
        let Some(item) = entry.items.get(lang) else {
            continue;
        };
        let doc = &item.doc;
        let kind_name = match entry.section {
            Section::Blog => "article",
            Section::Pages => "page",
        };
        writer
            .add_document(doc!(
                title => doc.title.clone(),
                summary => doc.summary.clone().unwrap_or_default(),
                body => doc.body.clone(),
                url => urls::link(base, &entry_path(site, entry, lang)),
                kind => kind_name,
            ))
            .map_err(|e| e.to_string())?;
    }
    writer.commit().map_err(|e| e.to_string())?;
    writer.wait_merging_threads().map_err(|e| e.to_string())?;
    let mut names = vec!["meta.json".to_string()];
    let segments = index
        .searchable_segment_metas()
        .map_err(|e| e.to_string())?;
    for segment in segments {
        use SegmentComponent as C;
        for component in [
            C::Postings,
            C::Positions,
            C::FastFields,
            C::FieldNorms,
            C::Terms,
            C::Store,
            C::Delete,
        ] {
            names.push(
                segment
                    .relative_path(component)
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    let mut files = Vec::new();
    for name in names {
        let path = Path::new(&name);
        if !dir.exists(path).map_err(|e| e.to_string())? {
            continue;
        }
        let bytes = dir
            .open_read(path)
            .and_then(|f| {
                f.read_bytes()
                    .map_err(|e| tantivy::directory::error::OpenReadError::IoError {
                        io_error: e.into(),
                        filepath: path.to_path_buf(),
                    })
            })
            .map_err(|e| format!("{name}: {e}"))?;
        files.push((name, bytes.as_slice().to_vec()));
    }
    Ok(files)
}
