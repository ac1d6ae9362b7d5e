//! The words statements write terms, dates and numbers in, Dutch and
//! English, and the passages (an item's lines joined) they are read from.

use time::{Date, Month};

use super::normalize::Line;
use crate::values::{StatedDate, TermUnit};

/// `s` lowercased without accents (`Beëindiging` → `beeindiging`,
/// `éénmaal` → `eenmaal`), the rest as is, so that a byte offset in the
/// folded text is found again by [`fold`]ing the pattern too.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' => '\'',
            '–' | '—' => '-',
            other => crate::values::fold_letter(other),
        })
        .collect()
}

/// The words of `s`, folded, split at everything that is not a letter or
/// digit (`14-dagen` is `14`, `dagen`).
pub(crate) fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A whole number written in digits or as a Dutch or English word (one to
/// twelve, and `een`/`één`/`a`).
pub(crate) fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    const WORDS: [(&[&str], u32); 12] = [
        (&["een", "one", "eenmaal", "once"], 1),
        (&["twee", "two", "tweemaal", "twice"], 2),
        (&["drie", "three"], 3),
        (&["vier", "four"], 4),
        (&["vijf", "five"], 5),
        (&["zes", "six"], 6),
        (&["zeven", "seven"], 7),
        (&["acht", "eight"], 8),
        (&["negen", "nine"], 9),
        (&["tien", "ten"], 10),
        (&["elf", "eleven"], 11),
        (&["twaalf", "twelve"], 12),
    ];
    WORDS
        .iter()
        .find(|(ws, _)| ws.contains(&word))
        .map(|(_, n)| *n)
}

/// The unit a word names: days, weeks, months, years, or hours (`None` for
/// the unit: [`UnitWord::Hours`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitWord {
    /// A calendar unit.
    Calendar(TermUnit),
    /// Hours.
    Hours,
}

/// The unit `word` names, Dutch or English, singular or plural.
pub(crate) fn unit(word: &str) -> Option<UnitWord> {
    Some(match word {
        "dag" | "dagen" | "day" | "days" => UnitWord::Calendar(TermUnit::Days),
        "week" | "weken" | "weeks" => UnitWord::Calendar(TermUnit::Weeks),
        "maand" | "maanden" | "month" | "months" => UnitWord::Calendar(TermUnit::Months),
        "jaar" | "jaren" | "year" | "years" => UnitWord::Calendar(TermUnit::Years),
        "uur" | "uren" | "hour" | "hours" => UnitWord::Hours,
        _ => return None,
    })
}

/// Whether the folded text `f` contains any of `words` (folded too).
pub(crate) fn has_any(f: &str, words: &[&str]) -> bool {
    words.iter().any(|w| f.contains(w))
}

/// The number of working days `s` names: "2 werkdagen", "één werkdag",
/// "3 working days", "five business days". A working day is no unit of the
/// agreement format: weekends and public holidays do not count, so such a
/// term is never read as calendar days ([`unit`] does not take
/// "werkdagen"); the extractors leave it to a person instead.
pub(crate) fn working_days(s: &str) -> Option<u32> {
    let w = words(s);
    w.iter().enumerate().find_map(|(i, word)| {
        let n = number(word)?;
        let next = |k: usize| w.get(i + k).map(String::as_str);
        let named = matches!(next(1), Some("werkdag" | "werkdagen"))
            || (matches!(next(1), Some("working" | "business"))
                && matches!(next(2), Some("day" | "days")));
        named.then_some(n)
    })
}

/// Each `number unit` pair in `s` (`3 maanden`, `14-dagen`, `two weeks`),
/// with the byte offset of its number in the folded text's words.
pub(crate) fn terms(s: &str) -> Vec<(u32, UnitWord, usize)> {
    let w = words(s);
    let mut out = Vec::new();
    for (i, pair) in w.windows(2).enumerate() {
        if let (Some(n), Some(u)) = (number(&pair[0]), unit(&pair[1])) {
            // "een" before a unit is an article as often as a number
            // ("een jaar"): kept, as "per jaar" is read elsewhere.
            out.push((n, u, i));
        }
    }
    out
}

/// A month named in Dutch or English (full or abbreviated).
pub(crate) fn month(word: &str) -> Option<Month> {
    let w = word.trim_end_matches('.');
    const MONTHS: [(&[&str], Month); 12] = [
        (&["januari", "january", "jan"], Month::January),
        (&["februari", "february", "feb"], Month::February),
        (&["maart", "march", "mrt", "mar"], Month::March),
        (&["april", "apr"], Month::April),
        (&["mei", "may"], Month::May),
        (&["juni", "june", "jun"], Month::June),
        (&["juli", "july", "jul"], Month::July),
        (&["augustus", "august", "aug"], Month::August),
        (&["september", "sep", "sept"], Month::September),
        (&["oktober", "october", "okt", "oct"], Month::October),
        (&["november", "nov"], Month::November),
        (&["december", "dec"], Month::December),
    ];
    MONTHS
        .iter()
        .find(|(ws, _)| ws.contains(&w))
        .map(|(_, m)| *m)
}

/// The first date written in `s`: `8 juni 2026`, `04 januari 2022`,
/// `1 January 2024`, `January 1, 2024`, `2026-06-08`, `01-02-2026` (day
/// first, [`day_month_year`]), `maart 2023`, `May 2018` or a year alone
/// (`2020`, only where `year_alone`), with its precision.
pub(crate) fn first_date(s: &str, year_alone: bool) -> Option<StatedDate> {
    // Words with whether a parenthesis or comma separates them from the
    // word before: "version 1 (May 2018)" has no day.
    let mut w: Vec<(String, bool)> = Vec::new();
    for raw in s.split_whitespace() {
        let f = fold(raw);
        if let Some(d) = iso_date(
            &f.split(|c: char| !c.is_alphanumeric())
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        )
        .or_else(|| day_month_year(&f))
        {
            return Some(d);
        }
        let opens = f.starts_with(['(', '[']);
        let word: String = f.chars().filter(|c| c.is_alphanumeric()).collect();
        if !word.is_empty() {
            w.push((word, opens));
        }
    }
    let year_at = |j: usize| {
        w.get(j)
            .and_then(|(y, _)| y.parse::<i32>().ok())
            .filter(|y| (1990..=2100).contains(y))
    };
    for i in 0..w.len() {
        let Some(m) = month(&w[i].0) else { continue };
        let day_before = i
            .checked_sub(1)
            .filter(|_| !w[i].1)
            .and_then(|j| w[j].0.parse::<u8>().ok());
        if let (Some(d), Some(y)) = (day_before, year_at(i + 1))
            && let Ok(date) = Date::from_calendar_date(y, m, d)
        {
            return Some(StatedDate::from(date));
        }
        let day_after = w.get(i + 1).and_then(|(d, _)| d.parse::<u8>().ok());
        if let (Some(d), Some(y)) = (day_after, year_at(i + 2))
            && let Ok(date) = Date::from_calendar_date(y, m, d)
        {
            return Some(StatedDate::from(date));
        }
        if let Some(y) = year_at(i + 1)
            && let Ok(date) = StatedDate::month(y, m as u32)
        {
            return Some(date);
        }
    }
    if year_alone {
        return w
            .iter()
            .filter_map(|(y, _)| y.parse::<i32>().ok())
            .find(|y| (1990..=2100).contains(y))
            .and_then(|y| StatedDate::year(y).ok());
    }
    None
}

/// A date in digits as the Netherlands writes it, day first with hyphens:
/// `01-02-2026` and `1-2-2026` are 1 February 2026 (Taalunie, Taaladvies
/// "Datumnotatie", taaladvies.net/datumnotatie: "De verkorte notatie krijgt
/// streepjes of punten: 14-04-2011 ... De notatie met streepjes is vooral
/// in Nederland gebruikelijk"). The token may be wrapped in punctuation
/// (`(01-02-2026)`, `01-02-2026.`). Slashes are not read: `01/02/2026` is
/// 2 January in the United States, and no Data Pro Statement is the place
/// to guess which. A year outside 1990–2100 or a day the month lacks is no
/// date.
fn day_month_year(token: &str) -> Option<StatedDate> {
    let t = token.trim_matches(|c: char| !c.is_ascii_digit());
    let mut parts = t.split('-');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4)) {
        return None;
    }
    let year: i32 = y.parse().ok().filter(|y| (1990..=2100).contains(y))?;
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = Date::from_calendar_date(year, month, d.parse().ok()?).ok()?;
    Some(StatedDate::from(date))
}

/// `2026-06-08` (split into words: `2026`, `06`, `08`).
fn iso_date(w: &[String]) -> Option<StatedDate> {
    let [y, m, d, ..] = w else { return None };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()?;
    Some(StatedDate::from(date))
}

/// An item's lines joined into one text, remembering which original lines
/// each part came from, so that a sentence found in it can be quoted with
/// its line range.
#[derive(Debug, Clone, Default)]
pub(crate) struct Passage {
    /// The text: the lines joined with a space (a newline before a line that
    /// starts a bullet or a table row, and a tab between table cells kept).
    pub(crate) text: String,
    /// For each line: the byte offset where it starts in `text`, and its
    /// original line range.
    spans: Vec<(usize, usize, usize)>,
}

impl Passage {
    /// The passage of `lines`.
    pub(crate) fn of(lines: &[Line]) -> Passage {
        let mut p = Passage::default();
        for l in lines {
            if !p.text.is_empty() {
                // A note ("N.B.") starts a sentence of its own.
                let note = ["N.B.", "NB:", "Note:", "Let op:"]
                    .iter()
                    .any(|n| l.text.starts_with(n));
                let new_line = l.bullet || l.text.contains('\t') || l.after_blank || note;
                p.text.push(if new_line { '\n' } else { ' ' });
            }
            p.spans.push((p.text.len(), l.first, l.last));
            p.text.push_str(&l.text);
        }
        p
    }

    /// The original lines of the bytes `start..end` of the text.
    pub(crate) fn lines_of(&self, start: usize, end: usize) -> (usize, usize) {
        let line_at = |off: usize| {
            let i = self.spans.partition_point(|s| s.0 <= off).saturating_sub(1);
            self.spans.get(i).copied().unwrap_or((0, 0, 0))
        };
        (
            line_at(start).1,
            line_at(end.saturating_sub(1).max(start)).2,
        )
    }

    /// The byte range of each line in the text.
    pub(crate) fn line_ranges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.spans.len());
        for (i, &(start, _, _)) in self.spans.iter().enumerate() {
            // The next line starts after a separator, except after an empty
            // line at the start (an item numbered "10." with no text after
            // its number), which has none: its range is empty.
            let end = self
                .spans
                .get(i + 1)
                .map_or(self.text.len(), |n| n.0.saturating_sub(1));
            out.push((start, end.max(start)));
        }
        out
    }

    /// The sentences of the text with their byte ranges: split after `.`,
    /// `!`, `?` or `:` followed by a space and a capital or digit, and at
    /// newlines; a full stop in `B.V.`, `bijv.`, `art.` or a number does not
    /// end one.
    pub(crate) fn sentences(&self) -> Vec<(usize, usize)> {
        let t = &self.text;
        let bytes = t.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let end_here = if b == b'\n' {
                Some(i)
            } else if matches!(b, b'.' | b'!' | b'?')
                && bytes.get(i + 1) == Some(&b' ')
                && t[i + 2..].starts_with(|c: char| {
                    c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"'
                })
                && !abbreviation_before(&t[start..i])
            {
                Some(i + 1)
            } else {
                None
            };
            if let Some(end) = end_here {
                if t[start..end].trim().len() > 1 {
                    out.push(trim_range(t, start, end));
                }
                start = end + 1;
                i = start;
                continue;
            }
            i += 1;
        }
        if t[start.min(t.len())..].trim().len() > 1 {
            out.push(trim_range(t, start, t.len()));
        }
        out
    }

    /// The sentence containing byte `at`.
    pub(crate) fn sentence_at(&self, at: usize) -> (usize, usize) {
        self.sentences()
            .into_iter()
            .find(|&(s, e)| s <= at && at < e)
            .unwrap_or((0, self.text.len()))
    }
}

/// `start..end` of `t` without surrounding whitespace.
fn trim_range(t: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &t[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

/// Whether the text before a full stop ends in an abbreviation (`B.V`,
/// `bijv`, `art`, `o.a`, `Inc`, `nr`) rather than a sentence.
fn abbreviation_before(before: &str) -> bool {
    let last: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && *c != '(')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let l = fold(&last);
    if l.ends_with(')') || l.ends_with('"') || l.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return false;
    }
    l.contains('.')
        || l.chars().count() == 1
        || matches!(
            l.as_str(),
            "bijv"
                | "art"
                | "nr"
                | "inc"
                | "ltd"
                | "e.g"
                | "i.e"
                | "mr"
                | "ca"
                | "vs"
                | "no"
                | "incl"
                | "min"
                | "max"
                | "tel"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Source: seeds 000 and 004 ("04 januari 2022", "8 juni 2026"), the
    /// English example ("1 January 2024", "May 2018", "2021").
    #[test]
    fn dates_in_dutch_and_english() {
        let d = |s: &str| first_date(s, true).map(|d| d.to_string());
        assert_eq!(
            d("versie 1.3 (04 januari 2022): wijzigingen").as_deref(),
            Some("2022-01-04")
        );
        assert_eq!(
            d("geldt vanaf 8 juni 2026 (versie 1.0)").as_deref(),
            Some("2026-06-08")
        );
        assert_eq!(
            d("into force on 1 January 2024").as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(d("version 1 (May 2018)").as_deref(), Some("2018-05"));
        assert_eq!(d("version 2 (2021)").as_deref(), Some("2021"));
        assert_eq!(first_date("version 2 (2021)", false), None);
    }

    /// Source: shared reference "legal-facts.md", "Contractual terms": the
    /// Algemene termijnenwet does not cover contracts, so "within 5 working
    /// days" runs as the parties define it; a working day is no calendar day.
    #[test]
    fn working_days_are_named_and_never_calendar_days() {
        assert_eq!(working_days("binnen 2 werkdagen na ontdekking"), Some(2));
        assert_eq!(working_days("binnen één werkdag"), Some(1));
        assert_eq!(working_days("within three working days"), Some(3));
        assert_eq!(working_days("within 5 business days of discovery"), Some(5));
        assert_eq!(working_days("binnen 2 dagen"), None);
        assert_eq!(working_days("op werkdagen tussen 9 en 17 uur"), None);
        assert!(terms("binnen 2 werkdagen").is_empty());
        assert!(terms("within 3 working days").is_empty());
    }

    /// Source: Taalunie, Taaladvies "Datumnotatie" (taaladvies.net/datumnotatie):
    /// the short Dutch notation is day-month-year with hyphens (14-04-2011).
    #[test]
    fn dates_in_digits_day_first() {
        let d = |s: &str| first_date(s, false).map(|d| d.to_string());
        assert_eq!(
            d("geldt vanaf 01-02-2026 (versie 2026.1)").as_deref(),
            Some("2026-02-01")
        );
        assert_eq!(d("geldt vanaf 1-2-2026.").as_deref(), Some("2026-02-01"));
        assert_eq!(d("(14-04-2011)").as_deref(), Some("2011-04-14"));
        // Not a date: no such day, a year out of range, slashes, two
        // digits of year, a range of years.
        assert_eq!(d("geldt vanaf 30-02-2026"), None);
        assert_eq!(d("geldt vanaf 01-02-1890"), None);
        assert_eq!(d("geldt vanaf 01/02/2026"), None);
        assert_eq!(d("geldt vanaf 01-02-26"), None);
        assert_eq!(d("2019-2021"), None);
    }

    /// Source: seed 000 DPS 1.14 ("minimaal 14-dagen van tevoren"), seed 004
    /// DPS 12 ("binnen 3 maanden"), English "two weeks".
    #[test]
    fn terms_in_words_and_digits() {
        let t = |s: &str| {
            terms(s)
                .into_iter()
                .map(|(n, u, _)| (n, u))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            t("minimaal 14-dagen van tevoren"),
            [(14, UnitWord::Calendar(TermUnit::Days))]
        );
        assert_eq!(
            t("in principe binnen 3 maanden"),
            [(3, UnitWord::Calendar(TermUnit::Months))]
        );
        assert_eq!(
            t("at least two weeks in advance"),
            [(2, UnitWord::Calendar(TermUnit::Weeks))]
        );
        assert_eq!(t("uiterlijk binnen 24 uur"), [(24, UnitWord::Hours)]);
    }

    /// Source: the property test `damaged_statements_import_or_are_refused`
    /// (tests/integration/import.rs), which found it: an item numbered
    /// "10." with no text after its number starts its passage with an
    /// empty line; its range is empty and the next line's range follows,
    /// where the subtraction of the separator overflowed.
    #[test]
    fn an_empty_first_line_has_an_empty_range() {
        let line = |text: &str, n: usize| Line {
            first: n,
            last: n,
            text: text.to_owned(),
            bullet: false,
            after_blank: false,
        };
        let p = Passage::of(&[line("", 1), line("Data processor", 2), line("meldt", 3)]);
        assert_eq!(p.text, "Data processor meldt");
        assert_eq!(p.line_ranges(), [(0, 0), (0, 14), (15, 20)]);
        assert_eq!(p.lines_of(0, 14), (2, 2));
    }

    /// Source: seed 004 DPS bullet 1 ("Alles Online B.V., Jan van der
    /// Heydenstraat 18"): the full stops of a company form end no sentence.
    #[test]
    fn sentences_keep_abbreviations() {
        let p = Passage {
            text: "Door Alles Online B.V. Jan 18. Dit is twee. En drie".to_owned(),
            spans: vec![(0, 1, 1)],
        };
        let s: Vec<&str> = p
            .sentences()
            .into_iter()
            .map(|(a, b)| &p.text[a..b])
            .collect();
        assert_eq!(
            s,
            ["Door Alles Online B.V. Jan 18.", "Dit is twee.", "En drie"]
        );
    }
}

/// A text folded as [`fold`] folds it, with the original byte offset of
/// every folded byte, so that a phrase found in the folded text is quoted
/// from the original.
#[derive(Debug, Clone)]
pub(crate) struct Folded {
    /// The folded text.
    pub(crate) text: String,
    /// For each byte of `text`, the offset of the original character.
    map: Vec<usize>,
    /// The original's length.
    len: usize,
}

impl Folded {
    /// Folds `s`.
    pub(crate) fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut map = Vec::with_capacity(s.len());
        let mut buf = [0u8; 4];
        for (at, c) in s.char_indices() {
            for f in fold(c.encode_utf8(&mut buf)).chars() {
                text.push(f);
                map.extend(std::iter::repeat_n(at, f.len_utf8()));
            }
        }
        Folded {
            text,
            map,
            len: s.len(),
        }
    }

    /// The original offset of the earliest of `phrases` (folded), and of its end.
    pub(crate) fn find(&self, phrases: &[&str]) -> Option<(usize, usize)> {
        phrases
            .iter()
            .filter_map(|p| {
                let p = fold(p);
                self.text.find(&p).map(|i| (i, i + p.len()))
            })
            .min()
            .map(|(i, j)| (self.original(i), self.original(j)))
    }

    /// The original offset of folded byte `i` (the text's end past it).
    fn original(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.len)
    }
}
