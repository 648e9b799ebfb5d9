use super::*;
use crate::cache::manifest::scan;

fn out(path: &str, bytes: &str) -> Output {
    Output {
        path: path.into(),
        bytes: bytes.as_bytes().to_vec(),
    }
}

/// Stages `outputs` over `target` through [`drain`] and gives the staging and what it wrote.
fn stage(target: &Path, outputs: Vec<Output>) -> (Staging, Written) {
    recover(target).unwrap();
    let previous = Previous::load(target, &target.with_extension("cache"));
    let staging = Staging::new(target, previous).unwrap();
    let (tx, rx) = std::sync::mpsc::sync_channel(16);
    for o in outputs {
        let h = crate::cache::hash(&o.bytes);
        tx.send((o, h)).unwrap();
    }
    drop(tx);
    let written = drain(Some(&staging), rx).unwrap();
    (staging, written)
}

#[test]
fn dropped_staging_leaves_previous_output_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("old.html"), "old").unwrap();
    {
        let (_staging, written) = stage(&target, vec![out("a/new.html", "new")]);
        assert_eq!(written.changed, 1);
    }
    assert_eq!(
        std::fs::read_to_string(target.join("old.html")).unwrap(),
        "old"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "staging removed"
    );
}

#[test]
fn commit_replaces_the_whole_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    std::fs::create_dir_all(target.join("gone")).unwrap();
    std::fs::write(target.join("gone/old.html"), "old").unwrap();
    let (staging, written) = stage(&target, vec![out("a/new.html", "new")]);
    assert_eq!(staging.commit(&written.entries).unwrap(), 1);
    assert!(!target.join("gone").exists(), "emptied directories go too");
    assert_eq!(
        std::fs::read_to_string(target.join("a/new.html")).unwrap(),
        "new"
    );
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn unchanged_files_are_not_written_again() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let cache = target.with_extension("cache");
    let save = |w: &Written| {
        crate::cache::manifest::Manifest {
            entries: w.entries.clone(),
            ..Default::default()
        }
        .save(&cache)
        .unwrap()
    };
    let (staging, written) = stage(&target, vec![out("a.html", "a"), out("b.html", "b")]);
    staging.commit(&written.entries).unwrap();
    save(&written);
    let before = scan(&target);
    let (staging, written) = stage(&target, vec![out("a.html", "a"), out("b.html", "B")]);
    assert_eq!(written.changed, 1, "only b.html changed");
    staging.commit(&written.entries).unwrap();
    let after = scan(&target);
    assert_eq!(before["a.html"], after["a.html"], "a.html untouched");
    assert_eq!(std::fs::read_to_string(target.join("b.html")).unwrap(), "B");
}

#[test]
fn a_journal_left_by_a_killed_commit_is_finished_by_the_next_build() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::write(target.join("old.html"), "old").unwrap();
    std::fs::write(target.join("keep.html"), "keep").unwrap();
    let staging = tmp.path().join(".public.puerta-staging-999999999");
    std::fs::create_dir_all(staging.join("es")).unwrap();
    std::fs::write(staging.join("es/new.html"), "new").unwrap();
    let journal = Journal {
        staging: staging.clone(),
        moves: vec!["es/new.html".into(), "moved-already.html".into()],
        deletions: vec!["old.html".into()],
    };
    journal.save(&journal_path(&target)).unwrap();
    recover(&target).unwrap();
    assert_eq!(
        std::fs::read_to_string(target.join("es/new.html")).unwrap(),
        "new"
    );
    assert!(!target.join("old.html").exists());
    assert!(target.join("keep.html").exists());
    let mut left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    left.sort();
    assert_eq!(left, ["public"], "journal and staging removed");
}
