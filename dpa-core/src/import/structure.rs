//! The template in a statement's lines (issue 18 point 2): the part
//! headings (`Deel 1` / `Deel I` / `Part 1` / `PART 2`), the items of part 1
//! in their own numbering ("1.1"-style, plain 1–17, from 0; the unnumbered
//! bullets of the 2025 template's "Algemene informatie" as `bullet 1` to
//! `bullet 5`), which template question each item answers
//! (`data/template-questions.tsv`), the clauses of part 2 (`Artikel 6` with
//! `6.3`, or `2.6.` with paragraphs `1.`, `2.`, …) and the edition line of
//! the standard clauses (`versie maart 2025`, `Version: January 2018`).

use super::normalize::Line;
use super::words::{fold, month, words};
use crate::error::{Error, Result};
use crate::model::Edition;
use crate::sources::template;

/// How many of the template's questions a statement asks at the least.
const MIN_QUESTIONS: usize = 3;

/// An item of part 1.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// Its number as the statement prints it (`1.11`, `12`), or `bullet 3`.
    pub(crate) number: String,
    /// The template item it answers, where one of its questions is found.
    pub(crate) key: Option<&'static str>,
    /// Its lines, the numbered one first (its number removed).
    pub(crate) lines: Vec<Line>,
}

impl Item {
    /// The citation of the item: `DPS 1.11`, `DPS bullet 3`.
    pub(crate) fn clause(&self) -> String {
        format!("DPS {}", self.number)
    }
}

/// A clause of part 2.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    /// Its number as the document prints it (`2.2.2`, `6.3`), or the
    /// article's number alone (`9`) for the text between an `Artikel 9`
    /// heading and its first numbered paragraph (all of it where there is
    /// none).
    pub(crate) number: String,
    /// Its lines.
    pub(crate) lines: Vec<Line>,
}

/// The edition line of the standard clauses.
#[derive(Debug, Clone)]
pub(crate) struct EditionLine {
    /// The edition it names.
    pub(crate) edition: Edition,
    /// The line.
    pub(crate) line: Line,
}

/// A statement's structure.
#[derive(Debug, Clone, Default)]
pub(crate) struct Structure {
    /// The lines before the first item: the title page, the version
    /// history, the introduction.
    pub(crate) front: Vec<Line>,
    /// The items of part 1.
    pub(crate) items: Vec<Item>,
    /// The clauses of part 2.
    pub(crate) clauses: Vec<Clause>,
    /// The heading of part 2 (`Deel 2: Standaardclausules voor
    /// verwerkingen`, `PART 2: STANDARD CLAUSES`), where there is one.
    pub(crate) part2: Option<Line>,
    /// The edition line, where there is one.
    pub(crate) edition: Option<EditionLine>,
}

impl Structure {
    /// The item answering template item `key`.
    pub(crate) fn item(&self, key: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.key == Some(key))
    }
}

/// Which part a heading line opens: `Deel 1`, `Deel I`, `Part 1`, `PART
/// 2`, `Deel 2.` (followed by nothing, punctuation or a space).
fn part_heading(text: &str) -> Option<u8> {
    let t = fold(text);
    for word in ["deel ", "part "] {
        if let Some(rest) = t.strip_prefix(word) {
            let n: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
            let after = rest[n.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                return None;
            }
            return match n.as_str() {
                "1" | "i" => Some(1),
                "2" | "ii" => Some(2),
                _ => None,
            };
        }
    }
    None
}

/// The number a line starts with (`1.11`, `12.`, `12)`, `2.6.`) and the
/// text after it, where the number is followed by `.`, `)` or a space. A
/// plain number (no dot inside) counts only closed by `.` or `)`: `12.`,
/// `12)`, never `12` alone.
fn leading_number(text: &str) -> Option<(String, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let number = text[..end].trim_end_matches('.');
    if number.is_empty()
        || !number.starts_with(|c: char| c.is_ascii_digit())
        || number.contains("..")
    {
        return None;
    }
    let rest = &text[end..];
    let parenthesis = rest.strip_prefix(')');
    let closed = parenthesis.is_some() || text[..end].ends_with('.');
    let rest = parenthesis.unwrap_or(rest);
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    // "2026 ..." or "24 uur" are no item numbers: a plain number stops at 99
    // and is closed by `.` or `)`.
    if !number.contains('.') && (number.len() > 2 || !closed) {
        return None;
    }
    Some((number.to_owned(), rest.trim_start()))
}

/// Reads the structure of `lines`.
///
/// # Errors
/// [`Error::InvalidArgument`] naming `statement` and saying why the text is
/// not a Data Pro Statement: no part heading and no mention of one, no item
/// numbering, no template question.
pub(crate) fn read(lines: &[Line]) -> Result<Structure> {
    let heading = |part: u8| {
        lines
            .iter()
            .enumerate()
            .filter(move |(_, l)| part_heading(&l.text) == Some(part))
            .map(|(i, _)| i)
    };
    let p2 = heading(2).next_back();
    let p1 = heading(1).rfind(|&i| p2.is_none_or(|p| i < p));
    let names_statement = lines
        .iter()
        .any(|l| fold(&l.text).contains("data pro statement"));
    if p1.is_none() && !names_statement {
        return Err(not_a_statement(
            "it has no part heading (`Deel 1`, `Deel I`, `Part 1`) and never names a Data Pro Statement",
        ));
    }
    let start = p1.map_or(0, |i| i + 1);
    let end = p2.unwrap_or(lines.len()).max(start);
    let (front, mut items) = items(&lines[start..end]);
    // Bullets are items only beside numbered ones (the 2025 template's
    // "Algemene informatie" before item 6).
    if items.iter().all(|i| i.number.starts_with("bullet")) {
        items.clear();
    }
    if items.is_empty() {
        return Err(not_a_statement(
            "part 1 has no numbered items (`1.1`, `1.2`, ... or `1.`, `2.`, ...)",
        ));
    }
    assign_questions(&mut items)?;
    if items.iter().filter(|i| i.key.is_some()).count() < MIN_QUESTIONS {
        return Err(not_a_statement(
            "fewer than three of its items ask a question of the Data Pro Statement template (who drew it up, the sub-processors, deletion after termination, the data breach protocol, ...)",
        ));
    }
    let mut all_front = lines[..start].to_vec();
    all_front.extend(front);
    Ok(Structure {
        front: all_front,
        items,
        clauses: p2.map(|p| clauses(&lines[p + 1..])).unwrap_or_default(),
        part2: p2.map(|p| lines[p].clone()),
        edition: edition_line(lines),
    })
}

/// The start of the message of the error for a text that is not a Data
/// Pro Statement; the reason follows it.
pub(crate) const NOT_A_STATEMENT: &str = "the text is not a Data Pro Statement: ";

/// The error for a text that is not a Data Pro Statement.
fn not_a_statement(why: &str) -> Error {
    Error::invalid_argument("statement", format!("{NOT_A_STATEMENT}{why}"))
}

/// The items of part 1 and the lines before the first one.
fn items(lines: &[Line]) -> (Vec<Line>, Vec<Item>) {
    // "1.1"-style when two or more lines start with the same "P.N".
    let mut prefixes: Vec<(String, usize)> = Vec::new();
    for l in lines {
        if let Some((n, _)) = leading_number(&l.text)
            && let Some((p, _)) = n.split_once('.')
            && n.matches('.').count() == 1
        {
            match prefixes.iter_mut().find(|(q, _)| q == p) {
                Some((_, c)) => *c += 1,
                None => prefixes.push((p.to_owned(), 1)),
            }
        }
    }
    // The most used prefix; of two used as often, the first.
    let dotted = prefixes
        .into_iter()
        .rev()
        .filter(|(_, c)| *c >= 2)
        .max_by_key(|(_, c)| *c)
        .map(|(p, _)| p);
    let mut front = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut last_plain: Option<u32> = None;
    let mut last_dotted: Option<(u32, u32)> = None;
    let mut bullets = 0;
    for (i, l) in lines.iter().enumerate() {
        let number = leading_number(&l.text).filter(|(n, rest)| match &dotted {
            Some(p) => dotted_item(n, rest, p, last_dotted),
            None => {
                let v: Option<u32> = n.parse().ok();
                v.is_some_and(|v| match last_plain {
                    None => v <= 10,
                    Some(last) => v > last && v <= last + 2,
                })
            }
        });
        if let Some((n, rest)) = number {
            if dotted.is_none() {
                last_plain = n.parse().ok();
            } else {
                last_dotted = n
                    .split_once('.')
                    .and_then(|(q, r)| Some((q.parse().ok()?, r.parse().ok()?)));
            }
            let mut first = l.clone();
            first.text = rest.to_owned();
            items.push(Item {
                number: n,
                key: None,
                lines: vec![first],
            });
        } else if dotted.is_none() && last_plain.is_none() && l.bullet {
            bullets += 1;
            items.push(Item {
                number: format!("bullet {bullets}"),
                key: None,
                lines: vec![l.clone()],
            });
        } else if section_heading(l)
            || (dotted.is_some() && numbered_section_heading(l, lines.get(i + 1)))
        {
            // "Beveiligingsbeleid", "DATA BREACH PROTOCOL": the template's
            // section headings belong to no item; nor do the headings of
            // the sections of a statement numbered `1.1`, `2.1` ("2.
            // Sub-processors").
        } else if let Some(item) = items.last_mut() {
            item.lines.push(l.clone());
        } else {
            front.push(l.clone());
        }
    }
    (front, items)
}

/// Whether a line numbered `n` opens an item of a statement numbered
/// `P.N` whose most used prefix is `main`, after the item numbered `last`:
/// - a later item of the last item's section ("2.1", then "2.2"; in the
///   main section any later number, as Belco's "1.1" to "1.15"; in another
///   at most two on);
/// - the first item of a later section, one or two on ("1.3", then "2.1",
///   "3.1": a statement numbered in sections, each with few items);
/// - before any item, an item of the main section, or the first item of a
///   section before it.
///
/// A section's first item other than the main one's is numbered 1 or 2 and
/// starts with a word, so that a wrapped "versie 2.0 (2025)" is no item.
fn dotted_item(n: &str, rest: &str, main: &str, last: Option<(u32, u32)>) -> bool {
    let Some((q, r)) = n.split_once('.') else {
        return false;
    };
    if r.contains('.') {
        return false;
    }
    let (Ok(q), Ok(r), Ok(main)) = (q.parse::<u32>(), r.parse::<u32>(), main.parse::<u32>()) else {
        return false;
    };
    let opens = (1..=2).contains(&r) && rest.starts_with(|c: char| c.is_alphabetic() || c == '*');
    match last {
        Some((lq, lr)) => {
            (q == lq && r > lr && (q == main || r <= lr + 2)) || (q > lq && q <= lq + 2 && opens)
        }
        None => q == main || (q < main && opens),
    }
}

/// The heading of a section of a statement numbered `1.1`, `2.1`: a plain
/// number (`2.`, `2)`) and a short title with no sentence punctuation
/// ("2. Sub-processors"), after a blank line or before the section's first
/// item (`2.1`; a text with a blank line after every line has lost its
/// paragraph breaks). A numbered list inside an item ("1. Soort incident.",
/// "1. Storing met lage impact:") ends in punctuation and stays the item's
/// text.
fn numbered_section_heading(l: &Line, next: Option<&Line>) -> bool {
    let Some((n, rest)) = leading_number(&l.text) else {
        return false;
    };
    let opens_section = || {
        next.and_then(|next| leading_number(&next.text))
            .is_some_and(|(m, _)| m.split_once('.').is_some_and(|(q, _)| q == n))
    };
    !l.bullet
        && !n.contains('.')
        && !rest.is_empty()
        && heading_text(rest)
        && (l.after_blank || opens_section())
}

/// A section heading of the template: after a blank line, short, no
/// sentence punctuation, no number.
fn section_heading(l: &Line) -> bool {
    l.after_blank && !l.bullet && heading_text(&l.text)
}

/// Whether `t` reads as a heading: short, no sentence punctuation, no
/// number.
fn heading_text(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() <= 40
        && !t.ends_with(['.', ':', ';', ','])
        && !t.contains('\t')
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.split_whitespace().count() <= 4
}

/// Gives each item the template item whose question it asks: the first row
/// of the table that matches and whose item no earlier item took.
fn assign_questions(items: &mut [Item]) -> Result<()> {
    let questions = template::questions()?;
    let mut taken: Vec<&str> = Vec::new();
    for item in items.iter_mut() {
        let heading = item
            .lines
            .first()
            .map(|l| fold(&l.text))
            .unwrap_or_default();
        let text = fold(
            &item
                .lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        let found = questions.iter().find(|q| {
            !taken.contains(&q.item)
                && if q.heading_only {
                    heading.contains(q.phrase)
                } else {
                    text.contains(q.phrase)
                }
        });
        if let Some(q) = found {
            item.key = Some(q.item);
            taken.push(q.item);
        }
    }
    Ok(())
}

/// The clauses of part 2.
fn clauses(lines: &[Line]) -> Vec<Clause> {
    let mut out: Vec<Clause> = Vec::new();
    let mut article: Option<String> = None;
    // After an `Artikel N` heading, until its first numbered paragraph:
    // the article's own text (article 1's opening sentence, the one
    // paragraph of article 9 in the 2025 edition).
    let mut opening: Option<String> = None;
    for (i, l) in lines.iter().enumerate() {
        let w = words(&l.text);
        if matches!(
            w.first().map(String::as_str),
            Some("artikel" | "article" | "art")
        ) && w
            .get(1)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        {
            article = w.get(1).cloned();
            opening = article.clone();
            continue;
        }
        if let Some((n, rest)) = leading_number(&l.text) {
            opening = None;
            let next_is_paragraph = lines
                .get(i + 1)
                .and_then(|m| leading_number(&m.text))
                .is_some_and(|(m, _)| m == "1");
            if n.contains('.') && next_is_paragraph {
                article = Some(n);
                continue;
            }
            let number = match (&article, n.contains('.')) {
                (_, true) => Some(n),
                (Some(a), false) => Some(format!("{a}.{n}")),
                (None, false) => None,
            };
            if let Some(number) = number {
                let mut first = l.clone();
                first.text = rest.to_owned();
                out.push(Clause {
                    number,
                    lines: vec![first],
                });
                continue;
            }
        }
        if let Some(number) = opening.take() {
            out.push(Clause {
                number,
                lines: vec![l.clone()],
            });
        } else if let Some(c) = out.last_mut() {
            c.lines.push(l.clone());
        }
    }
    out
}

/// The line naming the edition of the standard clauses: `versie` or
/// `version`, then a month and a year (`versie maart 2025`, `Version:
/// January 2018`) or a year alone, of an edition the library knows.
fn edition_line(lines: &[Line]) -> Option<EditionLine> {
    lines.iter().find_map(|l| {
        let w = words(&l.text);
        let at = w.iter().position(|x| x == "versie" || x == "version")?;
        let mut rest = &w[at + 1..];
        if rest.first().is_some_and(|x| month(x).is_some()) {
            rest = &rest[1..];
        }
        let edition = match rest.first().map(String::as_str)? {
            "2025" => Edition::Nldigital2025,
            "2019" => Edition::NederlandIct2019,
            "2018" => Edition::NederlandIct2018,
            _ => return None,
        };
        Some(EditionLine {
            edition,
            line: l.clone(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::normalize::normalize;

    /// Source: issue 18 point 2: the part headings of the editions.
    #[test]
    fn part_headings() {
        for (t, p) in [
            ("Deel 1: Data Pro Statement", 1),
            ("Deel I. Data Pro Statement", 1),
            ("PART 2: STANDARD CLAUSES", 2),
            ("Part 1", 1),
            ("Deel 2. Standaardclausules", 2),
        ] {
            assert_eq!(part_heading(t), Some(p), "{t}");
        }
        assert_eq!(part_heading("Deelnemers 1"), None);
        assert_eq!(part_heading("Partij 2"), None);
    }

    /// Source: issue 18 point 4: a text that is not a statement is refused
    /// with the reason.
    #[test]
    fn not_a_statement_says_why() {
        let e = read(&normalize(
            "Algemene voorwaarden\n1. Definities\n2. Prijzen\n",
        ))
        .unwrap_err();
        assert!(e.to_string().contains("no part heading"), "{e}");
        let e = read(&normalize(
            "Deel 1: Data Pro Statement\n1. Wij leveren koffie.\n2. Prijzen zijn vast.\n",
        ))
        .unwrap_err();
        assert!(e.to_string().contains("template"), "{e}");
    }

    /// Source: examples/statements/voorbeeld-varianten.txt: items numbered
    /// `1)`; a plain number closes with `.` or `)`, never alone ("24 uur").
    #[test]
    fn plain_numbers_closed_by_a_parenthesis() {
        assert_eq!(
            leading_number("12) Opdrachtgever mag"),
            Some(("12".to_owned(), "Opdrachtgever mag"))
        );
        assert_eq!(
            leading_number("12. Opdrachtgever"),
            Some(("12".to_owned(), "Opdrachtgever"))
        );
        assert_eq!(leading_number("24 uur na ontdekking"), None);
        assert_eq!(leading_number("2026) en verder"), None);
        assert_eq!(leading_number("1)2"), None);
        let text = "Deel 1: Data Pro Statement\n1) Dit Data Pro Statement is opgesteld door: X B.V.\n2) Dit Data Pro Statement geldt vanaf 1 mei 2025.\n3) Na beëindiging van de overeenkomst verwijdert data processor de gegevens binnen 30 dagen.\n";
        let s = read(&normalize(text)).unwrap();
        let numbers: Vec<&str> = s.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3"]);
        assert_eq!(s.items[2].key, Some("deletion"));
    }

    /// Source: a statement numbered in sections (examples/statements/
    /// tulip-cloud-en.txt: "1.1" to "1.3", then "2.1", "3.1", ... under
    /// "2. Sub-processors"): each section's items are items, the section
    /// headings belong to none, and a wrapped "versie 2.0 (2025)" or a
    /// list inside an item ("1. Soort incident.") opens nothing.
    #[test]
    fn items_numbered_in_sections() {
        let text = "Deel 1: Data Pro Statement\n\n1. Algemeen\n\n1.1 Dit Data Pro Statement is opgesteld door: X B.V.\n1.2 Dit Data Pro Statement geldt vanaf 1 mei 2025, versie\n2.0 (2025) vervangt eerdere versies.\n\n2. Subverwerkers\n2.1 Data processor maakt gebruik van de volgende sub-processors: Y B.V.\n\n3. Verwijdering\n\n3.1 Na beëindiging van de overeenkomst verwijdert data processor de gegevens binnen 30 dagen.\n\n4. Datalekken\n\n4.1 Data processor meldt een inbreuk in verband met persoonsgegevens met:\n1. Soort incident.\n2. Samenvatting.\n";
        let s = read(&normalize(text)).unwrap();
        let numbers: Vec<&str> = s.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["1.1", "1.2", "2.1", "3.1", "4.1"]);
        let keys: Vec<Option<&str>> = s.items.iter().map(|i| i.key).collect();
        assert_eq!(
            keys,
            [
                Some("processor"),
                Some("effective-date"),
                Some("sub-processors"),
                Some("deletion"),
                Some("breach")
            ]
        );
        let text_of =
            |k: usize| -> Vec<&str> { s.items[k].lines.iter().map(|l| l.text.as_str()).collect() };
        assert_eq!(text_of(1).len(), 2, "{:?}", text_of(1));
        assert_eq!(
            text_of(2).len(),
            1,
            "the heading of section 3 is no text of 2.1: {:?}",
            text_of(2)
        );
        assert_eq!(text_of(4).len(), 3, "{:?}", text_of(4));
        assert!(!dotted_item("2.0", "(2025) vervangt", "1", Some((1, 2))));
        assert!(dotted_item("2.1", "Data processor", "1", Some((1, 3))));
        assert!(!dotted_item("5.1", "Data processor", "1", Some((1, 3))));
        assert!(dotted_item("1.1", "Algemeen", "2", None));
    }

    /// Source: the NLdigital 2025 template (seed 004): bullets 1-5, then
    /// plain numbers from 6; part 2 with `Artikel n` and `n.m`.
    #[test]
    fn plain_numbering_bullets_and_articles() {
        let text = "Deel 1: Data Pro Statement\nAlgemene informatie\n- Dit Data Pro Statement is opgesteld door de volgende data processor: X B.V.\n- Dit Data Pro Statement geldt vanaf 1 mei 2025.\n6. Privacy by design\nTekst.\n1. geen item\n7. Data processor gebruikt de Standaardclausules voor verwerkingen.\nDeel 2: Standaardclausules\nVersie: maart 2025\nArtikel 2. Algemeen\n- 2.2 Binnen 30 dagen na kennisgeving.\n";
        let s = read(&normalize(text)).unwrap();
        let numbers: Vec<&str> = s.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["bullet 1", "bullet 2", "6", "7"]);
        assert_eq!(s.items[0].key, Some("processor"));
        assert_eq!(s.items[2].lines.len(), 3);
        assert_eq!(s.clauses[0].number, "2.2");
        assert_eq!(s.edition.map(|e| e.edition), Some(Edition::Nldigital2025));
    }
}
