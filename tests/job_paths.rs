//! The live preview finds the page of a URL without rendering: `Renderer::job_path`
//! must give the path that rendering the job gives, for every job of the example
//! site and of every fixture that builds; and its renderer, which finds related
//! articles page by page, must render the same pages as the build's.

use std::path::Path;

use puerta::render::Renderer;
use puerta::serve::live::Live;
use puerta::BuildOptions;

/// Checks every job of the site at `root`; false when the site does not build.
fn check(root: &Path) -> bool {
    let options = BuildOptions {
        now: Some(chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00+01:00").unwrap()),
        ..BuildOptions::new(root)
    };
    let Ok(live) = Live::load(&options) else {
        return false;
    };
    let Ok(model) = live.model(&mut Vec::new()) else {
        return false;
    };
    let (site, theme) = (&model.site, &*model.theme);
    let Ok(build) = Renderer::new(site, model.localizer.clone(), theme, model.now) else {
        return false;
    };
    let preview = Renderer::for_preview(site, model.localizer.clone(), theme, model.now)
        .expect("the preview's renderer prepares what the build's does");
    let jobs = build.jobs();
    assert_eq!(jobs, preview.jobs());
    for job in jobs {
        let mut errors = Vec::new();
        let Some(output) = build.render(job, &mut errors) else {
            continue;
        };
        assert_eq!(
            build.job_path(job),
            output.path,
            "{job:?} in {}",
            root.display()
        );
        let mut errors = Vec::new();
        let previewed = preview
            .render(job, &mut errors)
            .expect("renders as in the build");
        assert!(
            previewed == output,
            "{job:?} of {} renders the same in the preview",
            root.display()
        );
    }
    true
}

#[test]
fn job_paths_agree_with_rendering() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(check(repo), "the example site builds");
    let mut fixtures: Vec<_> = std::fs::read_dir(repo.join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("puerta.yaml").is_file())
        .collect();
    fixtures.sort();
    let mut built = Vec::new();
    for fixture in fixtures {
        if check(&fixture) {
            built.push(fixture.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    // The others hold errors on purpose; these cover every kind of job.
    for name in [
        "serve-live",
        "terms",
        "translations",
        "laws",
        "directory-valid",
        "feeds",
    ] {
        assert!(built.iter().any(|b| b == name), "{name} builds: {built:?}");
    }
}
