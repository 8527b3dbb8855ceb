//! Calendar dates with a precision (day, month or year) and the basis they rest on.

use std::fmt;

/// How much of a date the sources give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn parse(s: &str) -> Option<Precision> {
        match s {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            _ => None,
        }
    }
    pub fn slug(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// Whether a date is given by the source or inferred, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateBasis {
    Stated,
    Inferred { reason: String },
}

impl DateBasis {
    pub fn is_inferred(&self) -> bool {
        matches!(self, DateBasis::Inferred { .. })
    }
}

/// A real calendar date, possibly only to the month or year. Ordered by its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// The month is not 1 to 12.
    Month(u32),
    /// The day does not exist in that month (e.g. 2021-02-30).
    Day { day: u32, max: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => write!(f, "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::Month(m) => write!(f, "has month {m}, which is not 1 to 12"),
            DateError::Day { day, max } => {
                write!(f, "has day {day}, but that month has only {max} days")
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Number of days in a month of a year (proleptic Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of `day_number`).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// The English name of a month, 1 to 12.
pub fn month_name(month: u32) -> &'static str {
    MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

impl PartialDate {
    /// The year 1, a stand-in where a value must be built but no date was read (the compact
    /// decoder after damage, whose result is then thrown away).
    pub const YEAR_ONE: PartialDate = PartialDate {
        year: 1,
        month: None,
        day: None,
    };

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| DateError::Format)
            } else {
                Err(DateError::Format)
            }
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError::Format);
        }
        let year = num(parts[0], 4)? as i32;
        if year == 0 {
            return Err(DateError::Format);
        }
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(DateError::Month(m));
                }
                Some(m)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = num(p, 2)?;
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(DateError::Day { day: d, max });
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(PartialDate {
            year,
            month: month.map(|m| m as u8),
            day,
        })
    }

    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }
    pub fn day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// How precise the date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date covers, as days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        day_number(
            self.year,
            self.month().unwrap_or(1),
            self.day().unwrap_or(1),
        )
    }

    /// The last day the date covers.
    pub fn last_day(&self) -> i64 {
        match (self.month(), self.day()) {
            (Some(m), Some(d)) => day_number(self.year, m, d),
            (Some(m), None) => day_number(self.year, m, days_in_month(self.year, m)),
            _ => day_number(self.year, 12, 31),
        }
    }

    /// The ISO form it was written in (`2021`, `2021-04`, `2021-04-14`).
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// Readable form: `14 April 2021`, `April 2021` or `2021`.
    pub fn human(&self) -> String {
        match (self.month(), self.day()) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then_with(|| self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A date range for display: `13–14 April 2021` style when both ends share month and year.
pub fn human_range(start: &PartialDate, end: Option<&PartialDate>) -> String {
    match end {
        Some(e) if e != start => {
            if start.precision() == Precision::Day
                && e.precision() == Precision::Day
                && start.year == e.year
                && start.month == e.month
            {
                format!(
                    "{}\u{2013}{} {} {}",
                    start.day().unwrap_or(1),
                    e.day().unwrap_or(1),
                    month_name(start.month().unwrap_or(1)),
                    start.year
                )
            } else {
                format!("{} \u{2013} {}", start.human(), e.human())
            }
        }
        _ => start.human(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            PartialDate::parse("2021-04-14").map(|d| d.precision()),
            Ok(Precision::Day)
        );
        assert_eq!(
            PartialDate::parse("2021-04").map(|d| d.precision()),
            Ok(Precision::Month)
        );
        assert_eq!(
            PartialDate::parse("2021").map(|d| d.precision()),
            Ok(Precision::Year)
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(
            PartialDate::parse("2021-02-30"),
            Err(DateError::Day { day: 30, max: 28 })
        );
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert_eq!(PartialDate::parse("2021-13"), Err(DateError::Month(13)));
        for bad in [
            "",
            "21-04-14",
            "2021-4-14",
            "2021/04/14",
            "2021-04-14-01",
            "abcd",
            "0000",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Format), "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(1970, 1, 1), 0);
        for z in [-800_000, -1, 0, 1, 18_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(day_number(y, m, d), z);
        }
    }

    #[test]
    fn human_forms() {
        let d = PartialDate::parse("2021-04-13").expect("date");
        let e = PartialDate::parse("2021-04-14").expect("date");
        assert_eq!(human_range(&d, Some(&e)), "13\u{2013}14 April 2021");
        assert_eq!(
            PartialDate::parse("2024-05").expect("date").human(),
            "May 2024"
        );
    }
}
