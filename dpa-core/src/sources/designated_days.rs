//! The Atw designated-days table, `data/nl-atw-designated-days.tsv`: the days
//! the Crown designated under art. 3(3) of the Algemene termijnenwet, each
//! with the Staatscourant number of its decree in the `source` column.
//!
//! Unlike the tables read at run time, this one is parsed at compile time (the
//! holiday look-up of the calendar module is a `const` bit table built from
//! it): a malformed row stops the build, so a library that compiles has a
//! table that parses. The calendar module re-exports [`DesignatedDay`],
//! [`designated_days`] and [`DESIGNATED_DAYS_KNOWN_THROUGH`].

use time::{Date, Month};

/// The data file, embedded in the binary (dpa-core does no I/O).
const TSV: &str = include_str!("../../data/nl-atw-designated-days.tsv");

/// One day the Crown treated as a generally recognised holiday for the
/// Algemene termijnenwet, by royal decree under its art. 3(3) (typically the
/// Friday after Ascension Day, or a day between a holiday and a weekend).
///
/// These days are not predictable: each decree covers about three years and is
/// published in the Staatscourant. The table behind [`designated_days`] is the
/// file `dpa-core/data/nl-atw-designated-days.tsv` (date, note, source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DesignatedDay {
    date: Date,
    note: &'static str,
    source: &'static str,
}

impl DesignatedDay {
    /// The designated day.
    pub const fn date(&self) -> Date {
        self.date
    }

    /// A short note on why the day was designated, e.g. "Friday after Ascension
    /// Day (Thursday 14 May 2026)".
    pub const fn note(&self) -> &'static str {
        self.note
    }

    /// Where the decree was published, e.g. "KB under Atw art. 3(3), Stcrt.
    /// 2025, 24713 (...)".
    pub const fn source(&self) -> &'static str {
        self.source
    }
}

/// Every designated day dpa-core knows, in date order.
///
/// The table covers 2023 to [`DESIGNATED_DAYS_KNOWN_THROUGH`] (2028). For later
/// years no decree had been published when this version was released, so
/// the calendar module's `public_holidays` gives only the statutory days
/// there; for years before 2023 the table has no rows either. An example is
/// in the calendar module's documentation.
pub fn designated_days() -> &'static [DesignatedDay] {
    &DESIGNATED
}

/// The last year for which the designated days are known (the last year in the
/// data table). For later years only the statutory holidays are known.
pub const DESIGNATED_DAYS_KNOWN_THROUGH: i32 = TABLE[COUNT - 1].date.year();

// ---------------------------------------------------------------------------
// The compile-time parser. Any malformed row is a build error, so a table that
// compiles has been proven to parse.
// ---------------------------------------------------------------------------

/// Number of data rows in [`TSV`].
const COUNT: usize = count_rows(TSV.as_bytes());

/// The parsed table, in date order.
const TABLE: [DesignatedDay; COUNT] = parse_table::<COUNT>(TSV.as_bytes());

static DESIGNATED: [DesignatedDay; COUNT] = TABLE;

/// The first year of the table.
const FIRST_YEAR: i32 = TABLE[0].date.year();
/// Number of years the table spans.
const SPAN: usize = (DESIGNATED_DAYS_KNOWN_THROUGH - FIRST_YEAR + 1) as usize;

/// One bit per (year, ordinal) of the span: the hot-path look-up.
static BITS: [[u64; 6]; SPAN] = {
    let mut bits = [[0u64; 6]; SPAN];
    let mut i = 0;
    while i < COUNT {
        let date = TABLE[i].date;
        let year = (date.year() - FIRST_YEAR) as usize;
        let ordinal = date.ordinal() as usize;
        bits[year][ordinal / 64] |= 1 << (ordinal % 64);
        i += 1;
    }
    bits
};

/// [`is_designated`] for compile-time tables.
pub(crate) const fn is_designated_const(year: i32, ordinal: u16) -> bool {
    let y = year - FIRST_YEAR;
    if y < 0 || y as usize >= SPAN || ordinal as usize / 64 >= 6 {
        return false;
    }
    BITS[y as usize][ordinal as usize / 64] >> (ordinal % 64) & 1 == 1
}

/// Whether the day with this `year` and `ordinal` is a designated day.
#[inline]
pub(crate) fn is_designated(year: i32, ordinal: u16) -> bool {
    match BITS.get(year.wrapping_sub(FIRST_YEAR) as u32 as usize) {
        Some(bits) => match bits.get(usize::from(ordinal / 64)) {
            Some(word) => word >> (ordinal % 64) & 1 == 1,
            None => false,
        },
        None => false,
    }
}

/// The designated days in `year`, in date order.
pub(crate) fn in_year(year: i32) -> impl Iterator<Item = Date> {
    DESIGNATED
        .iter()
        .map(DesignatedDay::date)
        .filter(move |date| date.year() == year)
}

/// The line starting at byte `start`: (line without its `\n` or `\r\n`, start of
/// the next line).
const fn line_at(text: &[u8], start: usize) -> (&[u8], usize) {
    let mut end = start;
    while end < text.len() && text[end] != b'\n' {
        end += 1;
    }
    let next = if end < text.len() { end + 1 } else { end };
    if end > start && text[end - 1] == b'\r' {
        end -= 1;
    }
    let (_, rest) = text.split_at(start);
    let (line, _) = rest.split_at(end - start);
    (line, next)
}

/// Whether a line holds data (not empty, not a `#` comment, not the header).
const fn is_data(line: &[u8]) -> bool {
    if line.is_empty() || line[0] == b'#' {
        return false;
    }
    let header = b"date\t";
    if line.len() >= header.len() {
        let mut i = 0;
        while i < header.len() && line[i] == header[i] {
            i += 1;
        }
        if i == header.len() {
            return false;
        }
    }
    true
}

const fn count_rows(text: &[u8]) -> usize {
    let mut count = 0;
    let mut pos = 0;
    while pos < text.len() {
        let (line, next) = line_at(text, pos);
        if is_data(line) {
            count += 1;
        }
        pos = next;
    }
    assert!(count > 0, "nl-atw-designated-days.tsv has no data rows");
    count
}

/// The value of `n` ASCII digits starting at `at`.
const fn digits(line: &[u8], at: usize, n: usize) -> u32 {
    let mut value = 0;
    let mut i = at;
    while i < at + n {
        let b = line[i];
        assert!(
            b.is_ascii_digit(),
            "nl-atw-designated-days.tsv: a date is not YYYY-MM-DD"
        );
        value = value * 10 + (b - b'0') as u32;
        i += 1;
    }
    value
}

const fn month(number: u32) -> Month {
    match number {
        1 => Month::January,
        2 => Month::February,
        3 => Month::March,
        4 => Month::April,
        5 => Month::May,
        6 => Month::June,
        7 => Month::July,
        8 => Month::August,
        9 => Month::September,
        10 => Month::October,
        11 => Month::November,
        12 => Month::December,
        _ => panic!("nl-atw-designated-days.tsv: a month is not 01..12"),
    }
}

/// `bytes` as UTF-8 text without surrounding spaces; must not be empty.
const fn text_field(bytes: &'static [u8]) -> &'static str {
    let mut start = 0;
    let mut end = bytes.len();
    while start < end && bytes[start] == b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let (_, rest) = bytes.split_at(start);
    let (field, _) = rest.split_at(end - start);
    assert!(
        !field.is_empty(),
        "nl-atw-designated-days.tsv: empty note or source"
    );
    match core::str::from_utf8(field) {
        Ok(s) => s,
        Err(_) => panic!("nl-atw-designated-days.tsv: not UTF-8"),
    }
}

/// Parses one data row: `YYYY-MM-DD<TAB>note<TAB>source`.
const fn parse_row(line: &'static [u8]) -> DesignatedDay {
    assert!(
        line.len() > 11 && line[4] == b'-' && line[7] == b'-' && line[10] == b'\t',
        "nl-atw-designated-days.tsv: a row does not start with YYYY-MM-DD and a TAB"
    );
    let year = digits(line, 0, 4) as i32;
    let date =
        match Date::from_calendar_date(year, month(digits(line, 5, 2)), digits(line, 8, 2) as u8) {
            Ok(date) => date,
            Err(_) => panic!("nl-atw-designated-days.tsv: a date does not exist"),
        };
    // The note runs to the second TAB, the source to the end of the line.
    let mut tab = 11;
    while tab < line.len() && line[tab] != b'\t' {
        tab += 1;
    }
    assert!(
        tab < line.len(),
        "nl-atw-designated-days.tsv: a row has fewer than 3 columns"
    );
    let (head, source) = line.split_at(tab + 1);
    let (_, note) = head.split_at(11);
    let (note, _) = note.split_at(note.len() - 1);
    let mut i = 0;
    while i < source.len() {
        assert!(
            source[i] != b'\t',
            "nl-atw-designated-days.tsv: a row has more than 3 columns"
        );
        i += 1;
    }
    DesignatedDay {
        date,
        note: text_field(note),
        source: text_field(source),
    }
}

const fn parse_table<const N: usize>(text: &'static [u8]) -> [DesignatedDay; N] {
    let placeholder = DesignatedDay {
        date: Date::MIN,
        note: "",
        source: "",
    };
    let mut table = [placeholder; N];
    let mut count = 0;
    let mut pos = 0;
    while pos < text.len() {
        let (line, next) = line_at(text, pos);
        if is_data(line) {
            let row = parse_row(line);
            // The Atw came into force on 1 April 1965 (ordinal 91 of 1965).
            assert!(
                row.date.year() > 1965 || (row.date.year() == 1965 && row.date.ordinal() >= 91),
                "nl-atw-designated-days.tsv: a day before the Atw (1965-04-01)"
            );
            if count > 0 {
                let prev = table[count - 1].date;
                assert!(
                    prev.year() < row.date.year()
                        || (prev.year() == row.date.year() && prev.ordinal() < row.date.ordinal()),
                    "nl-atw-designated-days.tsv: rows are not in ascending date order"
                );
            }
            table[count] = row;
            count += 1;
        }
        pos = next;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Weekday;
    use time::macros::date;

    /// A plain runtime reading of the file, independent of the const parser.
    fn rows() -> Vec<Vec<&'static str>> {
        TSV.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("date\t"))
            .map(|l| l.split('\t').collect())
            .collect()
    }

    #[test]
    fn every_row_parses() {
        let rows = rows();
        assert_eq!(rows.len(), COUNT);
        let format = time::macros::format_description!("[year]-[month]-[day]");
        for (row, day) in rows.iter().zip(designated_days()) {
            assert_eq!(row.len(), 3, "{row:?}");
            assert_eq!(Date::parse(row[0], &format).unwrap(), day.date());
            assert_eq!(row[1].trim(), day.note());
            assert_eq!(row[2].trim(), day.source());
            assert!(day.source().contains("Stcrt."), "{row:?}");
            assert!(is_designated(day.date().year(), day.date().ordinal()));
        }
    }

    #[test]
    fn table_contents() {
        let dates: Vec<Date> = designated_days().iter().map(|d| d.date()).collect();
        assert_eq!(
            dates,
            [
                date!(2023 - 04 - 28),
                date!(2023 - 05 - 19),
                date!(2024 - 05 - 10),
                date!(2024 - 12 - 27),
                date!(2025 - 05 - 30),
                date!(2026 - 01 - 02),
                date!(2026 - 05 - 15),
                date!(2027 - 05 - 07),
                date!(2028 - 04 - 28),
                date!(2028 - 05 - 26),
            ]
        );
        // Every one so far is a Friday next to a Thursday holiday.
        assert!(dates.iter().all(|d| d.weekday() == Weekday::Friday));
        assert_eq!(DESIGNATED_DAYS_KNOWN_THROUGH, 2028);
        assert_eq!(in_year(2024).count(), 2);
        assert_eq!(in_year(2029).count(), 0);
    }

    #[test]
    fn lookup_rejects_other_days() {
        assert!(!is_designated(2026, 134)); // 2026-05-14, Ascension itself
        assert!(!is_designated(2022, 147));
        assert!(!is_designated(i32::MIN, 1));
        assert!(!is_designated(i32::MAX, 366));
        assert!(!is_designated(2026, u16::MAX));
    }
}
