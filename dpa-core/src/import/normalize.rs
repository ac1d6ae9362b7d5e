//! From the text of a statement (plain text or Markdown, as a PDF or a web
//! page gives it) to its lines, each with the range of original line numbers
//! it came from: the noise real files have removed (issue 18 point 2).
//!
//! - a blank line between every line (text extracted from a PDF, as seed
//!   000 is): single blank lines dropped, a run of two or more kept as one;
//! - a word hyphenated across a line break joined (`be-` / `heer` →
//!   `beheer`); a hyphen before `en` / `of` / `and` / `or` is the Dutch and
//!   English suspended compound (`beheer- en onderhoud`) and stays;
//! - page numbers (`3`, `- 3 -`, `Pagina 3 van 12`, `Page 3 of 12`, `3/12`)
//!   and running headers or footers (a short line repeated on three or more
//!   pages) dropped;
//! - bullets (`-`, `*`, `•`, `●`, `–`, `▪`) stripped, the line remembering it
//!   was one; Markdown emphasis (`**`, `__`) and heading marks (`#`) removed;
//! - table rows kept: a Markdown row (`| a | b |`) becomes its cells
//!   separated by a tab, a separator row (`|---|`) is dropped.

/// One line of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The first original line (1-based) it came from.
    pub first: usize,
    /// The last original line (1-based): later than `first` where a
    /// hyphenated word was joined.
    pub last: usize,
    /// The text, trimmed, without bullet or emphasis marks.
    pub text: String,
    /// Whether the line started with a bullet.
    pub bullet: bool,
    /// Whether a blank line (a paragraph break) came before it.
    pub after_blank: bool,
}

/// The lines of `text`, normalized (see the module documentation).
pub fn normalize(text: &str) -> Vec<Line> {
    let raw: Vec<&str> = text.lines().collect();
    let doubled = blank_between_every_line(&raw);
    let repeated = running_lines(&raw);
    let mut out: Vec<Line> = Vec::new();
    let mut blanks = 0usize;
    for (i, raw_line) in raw.iter().enumerate() {
        let trimmed = raw_line.trim();
        if trimmed.is_empty() {
            blanks += 1;
            continue;
        }
        let after_blank = if doubled { blanks >= 2 } else { blanks >= 1 };
        blanks = 0;
        if is_page_number(trimmed)
            || repeated.iter().any(|r| r == trimmed)
            || is_table_rule(trimmed)
        {
            continue;
        }
        let (bullet, body) = strip_bullet(trimmed);
        let body = table_cells(&strip_emphasis(body));
        if body.is_empty() {
            continue;
        }
        if !after_blank
            && let Some(prev) = out.last_mut()
            && let Some(stem) = hyphenated_stem(&prev.text, &body)
        {
            prev.text = format!("{stem}{body}");
            prev.last = i + 1;
            continue;
        }
        out.push(Line {
            first: i + 1,
            last: i + 1,
            text: body,
            bullet,
            after_blank,
        });
    }
    out
}

/// Whether most lines are followed by exactly one blank line (a text
/// extracted with a blank line between every line).
fn blank_between_every_line(raw: &[&str]) -> bool {
    let text_lines = raw.iter().filter(|l| !l.trim().is_empty()).count();
    let single_blank_after = raw
        .windows(3)
        .filter(|w| !w[0].trim().is_empty() && w[1].trim().is_empty() && !w[2].trim().is_empty())
        .count();
    text_lines >= 10 && single_blank_after * 2 > text_lines
}

/// Short lines that repeat three or more times: running headers and
/// footers. A line that is numbered or ends a sentence is text, not one.
fn running_lines(raw: &[&str]) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for l in raw {
        let t = l.trim();
        if t.is_empty() || t.chars().count() > 80 || t.ends_with(['.', ':', ';']) {
            continue;
        }
        if t.starts_with(|c: char| c.is_ascii_digit()) || t.starts_with(['-', '*', '•', '●', '|'])
        {
            continue;
        }
        match counts.iter_mut().find(|(s, _)| *s == t) {
            Some((_, n)) => *n += 1,
            None => counts.push((t, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(s, _)| s.to_owned())
        .collect()
}

/// `3`, `- 3 -`, `3/12`, `Pagina 3 van 12`, `Page 3 of 12`, `Page 3`.
fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    if !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/')
        && [a, b]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    let lower = t.to_lowercase();
    for word in ["pagina ", "page "] {
        if let Some(rest) = lower.strip_prefix(word) {
            let rest = rest.replace(" van ", " ").replace(" of ", " ");
            return rest
                .split_whitespace()
                .all(|p| p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
        }
    }
    false
}

/// A Markdown table's separator row: `|---|:--:|`.
fn is_table_rule(t: &str) -> bool {
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The line without its bullet, and whether it had one.
fn strip_bullet(t: &str) -> (bool, &str) {
    for b in ["- ", "* ", "• ", "● ", "– ", "▪ ", "· "] {
        if let Some(rest) = t.strip_prefix(b) {
            return (true, rest.trim_start());
        }
    }
    (false, t)
}

/// Without Markdown emphasis and heading marks.
fn strip_emphasis(t: &str) -> String {
    let t = t.trim_start_matches('#').trim_start();
    t.replace("**", "").replace("__", "").trim().to_owned()
}

/// A Markdown table row as its cells separated by tabs; other text as is.
fn table_cells(t: &str) -> String {
    if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
        return t[1..t.len() - 1]
            .split('|')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\t");
    }
    t.to_owned()
}

/// Where `prev` ends in a word hyphenated across the line break and `next`
/// goes on with the word: `prev` without the hyphen (a lowercase
/// continuation) or with it (`Sub-` / `Processors`). `None` when the lines
/// are not one word (no hyphen, a suspended compound before `en`, `of`,
/// `and`, `or`).
fn hyphenated_stem<'a>(prev: &'a str, next: &str) -> Option<&'a str> {
    let stem = prev.strip_suffix('-')?;
    if !stem.chars().next_back().is_some_and(char::is_alphabetic) {
        return None;
    }
    let first_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    if matches!(first_word.as_str(), "en" | "of" | "and" | "or" | "tot") {
        return None;
    }
    let first = next.chars().next()?;
    if first.is_lowercase() {
        Some(stem)
    } else if first.is_uppercase() {
        Some(prev)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    /// Source: seed 000 (Belco), a blank line between every line, "beheer-
    /// en onderhoudswachtwoorden" (a suspended compound, DPS 1.13).
    #[test]
    fn doubled_blank_lines_and_hyphens() {
        let mut text = String::new();
        for i in 0..12 {
            text.push_str(&format!("regel {i}\n\n"));
        }
        text.push_str("het wijzigen van beheer-\n\nen onderhoud, beveili-\n\nging en Sub-\n\nProcessors\n\n\n\nNieuwe alinea\n");
        let lines = normalize(&text);
        let t = texts(&lines);
        assert_eq!(t[12], "het wijzigen van beheer-");
        assert_eq!(t[13], "en onderhoud, beveiliging en Sub-Processors");
        assert_eq!((lines[13].first, lines[13].last), (27, 31));
        assert_eq!(t[14], "Nieuwe alinea");
        assert!(lines[14].after_blank && !lines[13].after_blank);
    }

    /// Source: issue 18 point 2 (page headers, footers and numbers, bullets,
    /// Markdown emphasis and tables).
    #[test]
    fn pages_bullets_markdown_tables() {
        let text = "Voorbeeld B.V. — Data Pro Statement\n1. **Eerste**\n- punt een\nPagina 1 van 3\nVoorbeeld B.V. — Data Pro Statement\n| Bedrijf | Land |\n|---|---|\n| Acme | Duitsland |\n- 3 -\nVoorbeeld B.V. — Data Pro Statement\n";
        let lines = normalize(text);
        assert_eq!(
            texts(&lines),
            ["1. Eerste", "punt een", "Bedrijf\tLand", "Acme\tDuitsland"]
        );
        assert!(lines[1].bullet && !lines[0].bullet);
    }
}
