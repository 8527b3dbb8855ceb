//! Post-build step (run by `scripts/post-build.sh` on release builds): writes a static page per
//! event, 404.html, sitemap.xml and robots.txt into the build directory, and adds the
//! Content-Security-Policy to every page with the sha256 of Trunk's inline loader script.
//!
//!   sitegen <build dir> <base path> <site url>

use std::fs;
use std::path::Path;

use az_by_timeline::static_pages::{event_body, event_head, home_body, site_header, sitemap, Head};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: sitegen <build dir> <base path> <site url>");
        std::process::exit(2);
    }
    if let Err(e) = run(Path::new(&args[1]), &args[2], &args[3]) {
        eprintln!("sitegen: {e}");
        std::process::exit(1);
    }
}

fn run(dir: &Path, base: &str, site: &str) -> Result<(), String> {
    let loaded = az_by_timeline::embedded::loaded()
        .map_err(|e| format!("the dataset does not load: {e}"))?;
    if !loaded.problems.is_empty() {
        let list: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
        return Err(format!("the dataset has problems:\n{}", list.join("\n")));
    }
    let ds = loaded.dataset;
    let index_path = dir.join("index.html");
    let index =
        fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let csp = csp_for(&index)?;
    // Anchors in the template, as written in index.html or as Trunk's minifier writes them
    // (quotes dropped, attributes reordered).
    let missing = |what: &str| format!("index.html has no {what} to anchor the page tags");
    let charset = find_tag(&index, "<meta", |t| t.contains("charset"))
        .map(|(a, b)| index[a..b].to_string())
        .ok_or_else(|| missing("<meta charset>"))?;
    let is_description =
        |t: &str| t.contains("name=description") || t.contains("name=\"description\"");
    for anchor in ["<body>", "<title>"] {
        if !index.contains(anchor) {
            return Err(missing(anchor));
        }
    }
    if find_tag(&index, "<meta", is_description).is_none() {
        return Err(missing("<meta name=description>"));
    }
    let header = site_header(&ds.title, base);
    let page = |head: &Head, body: &str| -> String {
        let mut html = index.clone();
        // Replace the template's title and description with the page's own tags.
        html = strip_between(&html, "<title>", "</title>");
        if let Some((a, b)) = find_tag(&html, "<meta", is_description) {
            html.replace_range(a..b, "");
        }
        html = html.replacen(
            &charset,
            &format!(
                "{charset}\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n{}",
                head.tags(&ds.title)
            ),
            1,
        );
        html.replacen(
            "<body>",
            &format!("<body>\n{header}<div id=\"static\">\n{body}</div>"),
            1,
        )
    };
    let home = Head {
        title: ds.title.clone(),
        description: format!(
            "{} visits, meetings, phone calls and signings between Azerbaijan and Belarus, each with its source and quote.",
            ds.events.len()
        ),
        url: az_by_timeline::route::absolute(site, base),
        og_type: "website",
    };
    let home_html = page(&home, &home_body(&ds, base));
    let not_found = Head {
        title: format!("Not found \u{2014} {}", ds.title),
        description: "This address is not part of the timeline.".into(),
        url: az_by_timeline::route::absolute(site, base),
        og_type: "website",
    };
    write(&dir.join("404.html"), &page(&not_found, ""))?;
    for e in &ds.events {
        let head = event_head(&ds, e, site, base);
        let html = page(&head, &event_body(&ds, e, site, base));
        write(&dir.join("events").join(&e.id).join("index.html"), &html)?;
    }
    // Every other route gets a real page too, so no app URL is served as a 404.
    let q = az_by_timeline::route::Query::default();
    let links = az_by_timeline::html::Links { base, query: &q };
    let plain = |title: &str, desc: &str, path: &str| Head {
        title: format!("{title} \u{2014} {}", ds.title),
        description: desc.to_string(),
        url: az_by_timeline::route::absolute(site, &format!("{base}{path}")),
        og_type: "website",
    };
    let wrap = |body: String| {
        format!("<main class=\"static\"><article class=\"page\">{body}</article></main>")
    };
    write(
        &dir.join("trade/index.html"),
        &page(
            &plain(
                "Trade figures",
                "Turnover figures from the sources, and where they disagree.",
                "trade",
            ),
            &wrap(az_by_timeline::html::trade_page(&ds, links)),
        ),
    )?;
    write(
        &dir.join("about/index.html"),
        &page(
            &plain(
                "Sources and method",
                "The articles and how the dataset is built.",
                "about",
            ),
            &wrap(az_by_timeline::html::about_page(&ds, base)),
        ),
    )?;
    for ent in &ds.entities {
        let seg = ent.kind.segment();
        let path = format!("{seg}/{}", ent.id);
        let html = page(
            &plain(
                &ent.name,
                &format!("What the sources say about {}.", ent.name),
                &path,
            ),
            &wrap(az_by_timeline::html::entity_page(
                &ds, ent.kind, &ent.id, &ds.title, links,
            )),
        );
        write(&dir.join(&path).join("index.html"), &html)?;
    }
    write(&dir.join("sitemap.xml"), &sitemap(&ds, site, base))?;
    write(
        &dir.join("robots.txt"),
        &format!(
            "User-agent: *\nAllow: /\nSitemap: {}\n",
            az_by_timeline::route::absolute(site, &format!("{base}sitemap.xml"))
        ),
    )?;
    write(&index_path, &home_html)?;
    write_service_worker(dir)?;
    println!(
        "sitegen: {} event pages, 404.html, sitemap.xml, CSP {csp}",
        ds.events.len()
    );
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The policy: only this origin, wasm allowed to compile, inline scripts only by hash.
fn csp_for(index: &str) -> Result<String, String> {
    let mut hashes = Vec::new();
    let mut rest = index;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let open_end = after.find('>').ok_or("unclosed <script> tag")?;
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let close = after.find("</script>").ok_or("unclosed <script>")?;
        if !tag.contains(" src=") {
            let body = &after[body_start..close];
            hashes.push(format!("'sha256-{}'", sha256_base64(body.as_bytes())));
        }
        rest = &after[close + 9..];
    }
    Ok(format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; manifest-src 'self'; worker-src 'self'",
        hashes.join(" ")
    ))
}

fn strip_between(html: &str, open: &str, close: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &html[..a], &html[b + close.len()..]),
        _ => html.to_string(),
    }
}

/// The first start tag that begins with `open` (e.g. `<meta`) and satisfies `pick`: its byte range.
fn find_tag(html: &str, open: &str, pick: impl Fn(&str) -> bool) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = html[from..].find(open) {
        let a = from + i;
        let b = a + html[a..].find('>')? + 1;
        if pick(&html[a..b]) {
            return Some((a, b));
        }
        from = b;
    }
    None
}

fn sha256_base64(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
}

/// Writes `sw.js` with this release's version (a hash of every file it caches) and file list.
fn write_service_worker(dir: &Path) -> Result<(), String> {
    use sha2::Digest;
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.retain(|f| f != "sw.js");
    files.sort();
    let mut hasher = sha2::Sha256::new();
    for f in &files {
        hasher.update(f.as_bytes());
        hasher.update(fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"))?);
    }
    let version: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let list = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    let js = include_str!("sw.js")
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__FILES__", &list);
    write(&dir.join("sw.js"), &js)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            if !rel.starts_with('.') {
                out.push(rel);
            }
        }
    }
    Ok(())
}
