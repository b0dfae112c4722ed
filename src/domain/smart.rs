//! The live SMART check: for each letter of a goal, whether it passes, why not, and one
//! follow-up question to ask next.
//!
//! Pure and offline: "today" is passed in. The check says which [`Reason`] applies; its words
//! are in the catalog (`i18n::GoalsText::smart_reason`) and its follow-up question in
//! `assets/smart-questions.toml` (`assets::smart_questions`). Words are matched
//! case-insensitively on Unicode word boundaries, in English and Bahasa Indonesia. The check
//! looks at the goal as written, whatever its status; callers decide when to show it.

use super::records::Goal;
use chrono::{Datelike, Months, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A due date further away than this many months gets [`Reason::FarHorizon`] advice.
pub const HORIZON_MONTHS: u32 = 12;

/// One letter of SMART.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Letter {
    /// Specific.
    S,
    /// Measurable.
    M,
    /// Achievable.
    A,
    /// Relevant.
    R,
    /// Time-bound.
    T,
}

impl Letter {
    /// The five letters in order.
    pub const ALL: [Letter; 5] = [Letter::S, Letter::M, Letter::A, Letter::R, Letter::T];

    /// The letter itself, as written on screen: `S`, `M`, `A`, `R`, `T`.
    pub fn code(self) -> &'static str {
        match self {
            Letter::S => "S",
            Letter::M => "M",
            Letter::A => "A",
            Letter::R => "R",
            Letter::T => "T",
        }
    }
}

/// What the check says about one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to say.
    Pass,
    /// The letter is not met.
    Fail { reason: Reason },
    /// The letter is met, with a suggestion (e.g. a far due date).
    Advice { reason: Reason },
}

impl Verdict {
    /// The reason of a failure or an advice.
    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Verdict::Pass => None,
            Verdict::Fail { reason } | Verdict::Advice { reason } => Some(reason),
        }
    }

    /// True for [`Verdict::Fail`].
    pub fn is_fail(&self) -> bool {
        matches!(self, Verdict::Fail { .. })
    }
}

/// Why a letter fails, or what it advises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// S: the specific text is empty.
    NoSpecific,
    /// S: a vague verb ("improve", "meningkatkan") without a concrete object and a measure.
    /// `verb` is the phrase as listed in the check, lowercase.
    VagueVerb { verb: String },
    /// M: no metric.
    NoMetric,
    /// M: a metric but no target number.
    NoTarget,
    /// M, advice: no baseline to measure progress from.
    NoBaseline,
    /// M: the target equals the baseline, so there is nothing to reach.
    TargetIsBaseline,
    /// A: nothing says why it is achievable.
    NoAchievable,
    /// R: nothing says why it matters.
    NoRelevant,
    /// T: no due date.
    NoDueDate,
    /// T: the due date is before today.
    DueInPast,
    /// T, advice: due more than [`HORIZON_MONTHS`] away; `months` is the horizon rounded up.
    FarHorizon { months: u32 },
}

impl Reason {
    /// The stable code, also the table name in `assets/smart-questions.toml`.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NoSpecific => "no_specific",
            Reason::VagueVerb { .. } => "vague_verb",
            Reason::NoMetric => "no_metric",
            Reason::NoTarget => "no_target",
            Reason::NoBaseline => "no_baseline",
            Reason::TargetIsBaseline => "target_is_baseline",
            Reason::NoAchievable => "no_achievable",
            Reason::NoRelevant => "no_relevant",
            Reason::NoDueDate => "no_due_date",
            Reason::DueInPast => "due_in_past",
            Reason::FarHorizon { .. } => "far_horizon",
        }
    }

    /// One reason of every kind, for tests of the texts that explain them.
    #[cfg(test)]
    pub fn examples() -> Vec<Reason> {
        let all = vec![
            Reason::NoSpecific,
            Reason::VagueVerb {
                verb: "improve".into(),
            },
            Reason::NoMetric,
            Reason::NoTarget,
            Reason::NoBaseline,
            Reason::TargetIsBaseline,
            Reason::NoAchievable,
            Reason::NoRelevant,
            Reason::NoDueDate,
            Reason::DueInPast,
            Reason::FarHorizon { months: 13 },
        ];
        // The exhaustive match makes a new variant fail to compile here until it is listed.
        for reason in &all {
            match reason {
                Reason::NoSpecific
                | Reason::VagueVerb { .. }
                | Reason::NoMetric
                | Reason::NoTarget
                | Reason::NoBaseline
                | Reason::TargetIsBaseline
                | Reason::NoAchievable
                | Reason::NoRelevant
                | Reason::NoDueDate
                | Reason::DueInPast
                | Reason::FarHorizon { .. } => {}
            }
        }
        all
    }
}

/// The verdict on one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterCheck {
    pub letter: Letter,
    pub verdict: Verdict,
}

/// The whole check: one [`LetterCheck`] per letter, in S-M-A-R-T order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmartReport {
    pub letters: [LetterCheck; 5],
}

impl SmartReport {
    /// True when no letter fails (advice does not count against the goal).
    pub fn passes(&self) -> bool {
        !self.letters.iter().any(|c| c.verdict.is_fail())
    }

    /// The letters that fail, in order.
    pub fn failing(&self) -> impl Iterator<Item = &LetterCheck> {
        self.letters.iter().filter(|c| c.verdict.is_fail())
    }

    /// The letters that fail, written together: `"MT"` (empty when none fails).
    pub fn failing_letters(&self) -> String {
        self.failing().map(|c| c.letter.code()).collect()
    }

    /// The check for one letter.
    pub fn get(&self, letter: Letter) -> &LetterCheck {
        // `letters` is built in `Letter::ALL` order, so the discriminant is the index.
        &self.letters[letter as usize]
    }
}

/// Checks `goal` against SMART as of `today`.
pub fn check(goal: &Goal, today: NaiveDate) -> SmartReport {
    let one = |letter, verdict: Verdict| LetterCheck { letter, verdict };
    SmartReport {
        letters: [
            one(Letter::S, check_specific(goal)),
            one(Letter::M, check_measurable(goal)),
            one(
                Letter::A,
                text_given(&goal.achievable, Reason::NoAchievable),
            ),
            one(Letter::R, text_given(&goal.relevant, Reason::NoRelevant)),
            one(Letter::T, check_time_bound(goal.due, today)),
        ],
    }
}

fn text_given(text: &str, missing: Reason) -> Verdict {
    if text.trim().is_empty() {
        Verdict::Fail { reason: missing }
    } else {
        Verdict::Pass
    }
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// S: the specific text must be there, and a vague verb anywhere in the title or the specific
/// text needs both a concrete object and a measure (a number in the text, or metric + target).
fn check_specific(goal: &Goal) -> Verdict {
    if goal.specific.trim().is_empty() {
        return Verdict::Fail {
            reason: Reason::NoSpecific,
        };
    }
    let (title, specific) = (scan(&goal.title), scan(&goal.specific));
    let Some(verb) = title.vague.or(specific.vague) else {
        return Verdict::Pass;
    };
    let object = title.object || specific.object;
    let has_target = !goal.metric.trim().is_empty() && finite(goal.target).is_some();
    let measure = title.number || specific.number || has_target;
    if object && measure {
        Verdict::Pass
    } else {
        Verdict::Fail {
            reason: Reason::VagueVerb { verb: verb.into() },
        }
    }
}

/// M: a metric and a target are required; a baseline is advised and must differ from the target.
fn check_measurable(goal: &Goal) -> Verdict {
    let reason = match (goal.metric.trim().is_empty(), finite(goal.target)) {
        (true, _) => Reason::NoMetric,
        (false, None) => Reason::NoTarget,
        (false, Some(target)) => match finite(goal.baseline) {
            None => {
                return Verdict::Advice {
                    reason: Reason::NoBaseline,
                };
            }
            Some(base) if (target - base).abs() < f64::EPSILON => Reason::TargetIsBaseline,
            Some(_) => return Verdict::Pass,
        },
    };
    Verdict::Fail { reason }
}

/// T: a due date, today or later; further than [`HORIZON_MONTHS`] gets advice.
fn check_time_bound(due: Option<NaiveDate>, today: NaiveDate) -> Verdict {
    let Some(due) = due else {
        return Verdict::Fail {
            reason: Reason::NoDueDate,
        };
    };
    if due < today {
        return Verdict::Fail {
            reason: Reason::DueInPast,
        };
    }
    let months = months_until(today, due);
    if months > HORIZON_MONTHS {
        Verdict::Advice {
            reason: Reason::FarHorizon { months },
        }
    } else {
        Verdict::Pass
    }
}

/// The fewest whole calendar months `m` with `today + m months >= due` (chrono's month
/// arithmetic, which clamps to the month's last day). `due` must not be before `today`.
fn months_until(today: NaiveDate, due: NaiveDate) -> u32 {
    let diff = (due.year() - today.year()) * 12 + due.month() as i32 - today.month() as i32;
    let months = u32::try_from(diff).unwrap_or(0);
    // `today + months` lands in due's month; one more month always reaches past it.
    match today.checked_add_months(Months::new(months)) {
        Some(reached) if reached < due => months.saturating_add(1),
        _ => months,
    }
}

/// What the words of one text field say about specificity.
#[derive(Debug, Default)]
struct Scan {
    /// The first vague phrase found.
    vague: Option<&'static str>,
    /// A content word besides vague phrases, filler words and numbers.
    object: bool,
    /// A number that measures something (not a date or a year), in digits or as a word.
    number: bool,
}

/// Vague verbs and phrases, lowercase, words separated by one space. At each position the
/// longest match wins, so "be better at" is reported rather than "better".
const VAGUE_PHRASES: &[&str] = &[
    // English
    "improve",
    "improving",
    "learn more",
    "learning more",
    "know more",
    "be better",
    "be better at",
    "become better",
    "get better",
    "get better at",
    "getting better",
    "do better",
    "better",
    "work on",
    "working on",
    "understand",
    "understand better",
    // Bahasa Indonesia
    "meningkatkan",
    "tingkatkan",
    "belajar lebih",
    "lebih baik",
    "menjadi lebih baik",
    "memperbaiki",
    "perbaiki",
    "mengembangkan",
    "kembangkan",
    "memahami",
    "pahami",
    "lebih paham",
];

/// Words that do not make an object concrete: pronouns, particles, wishes, and nouns too
/// general to act on ("skills", "things"). English, then Bahasa Indonesia.
const FILLER: &str = "\
     i me my myself we our you your it its this that a an the to at on in of for with about \
     by and or be get become more much lot lots some all bit little very really just also \
     want wish hope try need should will would like general overall generally things thing \
     stuff everything something skill skills performance hard harder well \
     saya aku kami kita diri sendiri ini itu yang dan atau di ke dari untuk dengan tentang \
     dalam pada agar supaya lebih baik banyak sedikit lagi sangat ingin mau akan harus bisa \
     mencoba berusaha menjadi jadi secara umum hal sesuatu semua semuanya kemampuan \
     keterampilan kinerja giat rajin keras";

/// Small numbers written as words count as a measure ("three talks", "tiga artikel").
/// English, then Bahasa Indonesia.
const NUMBER_WORDS: &str = "\
     one two three four five six seven eight nine ten eleven twelve twenty hundred thousand \
     dozen once twice half \
     satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus \
     ratus seribu ribu setengah";

/// Words that put a following year in time rather than in quantity ("by 2027", "Juni 2027"):
/// prepositions and month names, English then Bahasa Indonesia.
const TIME_WORDS: &str = "\
     by in before until till during end since jan january feb february mar march \
     apr april may jun june jul july aug august sep sept september oct october nov november \
     dec december \
     sebelum hingga sampai pada tahun akhir awal pertengahan sejak januari februari maret \
     mei juni juli agustus agu okt oktober des desember";

/// Splits `text` into lowercase words on every character that is not a letter or a digit
/// (Unicode-aware), so matching happens on word boundaries only. Punctuation between two
/// digits stays inside the word, so `7.5`, `2027-06-01` and `10:30` are one word each.
#[cfg(test)]
fn words(text: &str) -> Vec<String> {
    let mut buf = String::new();
    split_words(text, &mut buf)
        .into_iter()
        .map(|r| buf[r].to_string())
        .collect()
}

/// [`words`] written into `buf` one after the other, each word a range of it (one buffer for
/// all the words: the check runs for every goal on screen).
fn split_words(text: &str, buf: &mut String) -> Vec<std::ops::Range<usize>> {
    let mut words = Vec::new();
    let mut from = buf.len();
    // Whether the word so far ends with a digit.
    let mut after_digit = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            buf.push(c.to_ascii_lowercase());
            after_digit = c.is_ascii_digit();
        } else if !c.is_ascii() && c.is_alphanumeric() {
            buf.extend(c.to_lowercase());
            after_digit = c.is_numeric();
        } else if ".,-/:".contains(c)
            && after_digit
            && buf.len() > from
            && chars.peek().is_some_and(|n| n.is_numeric())
        {
            buf.push(c);
            after_digit = false;
        } else if buf.len() > from {
            words.push(from..buf.len());
            from = buf.len();
            after_digit = false;
        }
    }
    if buf.len() > from {
        words.push(from..buf.len());
    }
    words
}

/// What one word with a digit in it stands for.
#[derive(Debug, PartialEq, Eq)]
enum NumberKind {
    /// A quantity: `3`, `7.5`, `80%`, `10k`.
    Measure,
    /// A date, a time, a quarter or a year after a time word: not a measure of the goal.
    When,
}

/// Classifies `words[at]` when it holds a digit or a number word.
fn number_kind(words: &[&str], at: usize) -> Option<NumberKind> {
    let word = *words.get(at)?;
    if listed(WordList::Number, word) {
        return Some(NumberKind::Measure);
    }
    if !word.chars().any(char::is_numeric) {
        return None;
    }
    let is_date = word.contains(['-', '/', ':']);
    let is_quarter = matches!(word, "q1" | "q2" | "q3" | "q4");
    let is_year = word.len() == 4
        && word.parse::<u32>().is_ok_and(|y| (1900..2200).contains(&y))
        && at
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(|before| listed(WordList::Time, before));
    Some(if is_date || is_quarter || is_year {
        NumberKind::When
    } else {
        NumberKind::Measure
    })
}

/// The longest vague phrase starting at `words[at]`, with its length in words.
fn vague_at(words: &[&str], at: usize) -> Option<(&'static str, usize)> {
    let first = words.get(at)?;
    vague_phrases()
        .get(first)?
        .iter()
        .filter_map(|(phrase, split)| {
            let found = words.get(at..at + split.len())?;
            (split.as_slice() == found).then_some((*phrase, split.len()))
        })
        .max_by_key(|(_, len)| *len)
}

/// [`VAGUE_PHRASES`], each with its words, by its first word: split once per process.
type VaguePhrases = HashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>, Fnv>;

fn vague_phrases() -> &'static VaguePhrases {
    static SPLIT: OnceLock<VaguePhrases> = OnceLock::new();
    SPLIT.get_or_init(|| {
        let mut by_first: VaguePhrases = HashMap::default();
        for phrase in VAGUE_PHRASES {
            let split: Vec<&'static str> = phrase.split(' ').collect();
            by_first.entry(split[0]).or_default().push((*phrase, split));
        }
        by_first
    })
}

/// FNV-1a: the word sets are looked up a few times for every word of every goal on screen,
/// and their keys are short words of ours (no hostile input to guard against), where the
/// standard hasher's SipHash costs more than the look-up itself.
#[derive(Default, Clone, Copy)]
struct Fnv;

/// The running hash of [`Fnv`].
struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The word lists above.
#[derive(Debug, Clone, Copy)]
enum WordList {
    Filler,
    Number,
    Time,
}

/// Whether `word` is one of the words of `list`. Each list is made a set once per process:
/// the check runs for every goal on screen, word by word.
fn listed(list: WordList, word: &str) -> bool {
    static SETS: OnceLock<[HashSet<&'static str, Fnv>; 3]> = OnceLock::new();
    let sets = SETS
        .get_or_init(|| [FILLER, NUMBER_WORDS, TIME_WORDS].map(|l| l.split_whitespace().collect()));
    sets[list as usize].contains(word)
}

/// Reads one text field: its first vague phrase, and whether it has an object and a number.
fn scan(text: &str) -> Scan {
    let mut buf = String::with_capacity(text.len());
    let ranges = split_words(text, &mut buf);
    let words: Vec<&str> = ranges.into_iter().map(|r| &buf[r]).collect();
    let mut found = Scan::default();
    let mut at = 0;
    while at < words.len() {
        if let Some((phrase, len)) = vague_at(&words, at) {
            found.vague = found.vague.or(Some(phrase));
            at += len;
            continue;
        }
        match number_kind(&words, at) {
            Some(NumberKind::Measure) => found.number = true,
            Some(NumberKind::When) => {}
            None if !listed(WordList::Filler, words[at]) => found.object = true,
            None => {}
        }
        at += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    // A Friday, as in the date tests.
    fn today() -> NaiveDate {
        d(2026, 11, 27)
    }

    /// When a row's goal is due.
    #[derive(Clone, Copy)]
    enum Due {
        Missing,
        Days(i64),
        /// Months, then days, after today.
        Months(u32, u64),
    }

    /// One example goal and the expected verdict per letter: `P` for a pass, a reason code
    /// for a failure, `~` and a code for advice.
    #[derive(Clone, Copy)]
    struct Row {
        title: &'static str,
        specific: &'static str,
        metric: &'static str,
        baseline: Option<f64>,
        target: Option<f64>,
        achievable: &'static str,
        relevant: &'static str,
        due: Due,
        want: [&'static str; 5],
    }

    const P: &str = "pass";

    const GOOD: Row = Row {
        title: "Speak at meetups",
        specific: "Give 3 talks at the local Rust meetup",
        metric: "talks given",
        baseline: Some(0.0),
        target: Some(3.0),
        achievable: "Two evenings a week; my mentor reviews the slides",
        relevant: "Visible work counts for the senior role",
        due: Due::Days(90),
        want: [P; 5],
    };

    const GOOD_ID: Row = Row {
        title: "Berbicara di meetup",
        specific: "Memberi 3 presentasi di komunitas Rust lokal",
        metric: "jumlah presentasi",
        achievable: "Dua malam seminggu; mentor meninjau slide saya",
        relevant: "Penting untuk posisi senior",
        ..GOOD
    };

    impl Row {
        fn goal(&self) -> Goal {
            let mut goal = Goal::new(self.title);
            goal.specific = self.specific.into();
            goal.metric = self.metric.into();
            goal.baseline = self.baseline;
            goal.target = self.target;
            goal.achievable = self.achievable.into();
            goal.relevant = self.relevant.into();
            goal.due = match self.due {
                Due::Missing => None,
                Due::Days(n) => Some(today() + chrono::Duration::days(n)),
                Due::Months(m, n) => today()
                    .checked_add_months(Months::new(m))
                    .and_then(|t| t.checked_add_days(chrono::Days::new(n))),
            };
            goal
        }
    }

    fn code(verdict: &Verdict) -> String {
        match verdict {
            Verdict::Pass => P.into(),
            Verdict::Fail { reason } => reason.code().into(),
            Verdict::Advice { reason } => format!("~{}", reason.code()),
        }
    }

    fn no_measure(title: &'static str, specific: &'static str) -> Row {
        Row {
            title,
            specific,
            metric: "",
            baseline: None,
            target: None,
            ..GOOD
        }
    }

    /// The examples: English and Indonesian, every reason, the date boundaries.
    #[rustfmt::skip]
    fn examples() -> Vec<Row> {
        let (nm, vv) = ("no_metric", "vague_verb");
        vec![
            GOOD,
            GOOD_ID,
            // Vague verbs alone, or with an object but no measure.
            Row { title: "Improve", specific: "Improve", want: [vv, P, P, P, P], ..GOOD },
            Row { want: [vv, nm, P, P, P], ..no_measure("Get better", "Get better at public speaking") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Learn more", "Learn more about Rust") },
            Row { want: [vv, nm, P, P, P], ..no_measure("IMPROVE my SQL", "improve my sql") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Understand—everything!", "Understand…") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Work on myself", "Work on my skills") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Be a better leader", "Be a better leader") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Meningkatkan bahasa Inggris", "Meningkatkan bahasa Inggris") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Menjadi lebih baik", "Menjadi lebih baik") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Belajar lebih giat", "Belajar lebih banyak") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Memahami", "Memahami hal-hal") },
            Row { want: [vv, nm, P, P, P], ..no_measure("Mengembangkan diri", "Memperbaiki kemampuan saya") },
            // A vague verb in the title alone, with no number anywhere and no target.
            Row { want: [vv, nm, P, P, P], ..no_measure("Improve", "Public speaking at work") },
            // Vague verbs with a concrete object and a measure pass.
            Row { title: "Get better at public speaking", specific: "Get better at public speaking", ..GOOD },
            Row { title: "Improve", specific: "Give 3 talks at work", ..GOOD },
            Row { want: [P, nm, P, P, P], ..no_measure("Work on my portfolio", "Add 4 case studies to my portfolio") },
            Row { want: [P, nm, P, P, P], ..no_measure("Memperbaiki tulisan", "Menerbitkan tiga artikel") },
            Row { title: "Meningkatkan bahasa Inggris", specific: "Meningkatkan skor IELTS dari 6 ke 7", ..GOOD_ID },
            Row { title: "Memahami SQL", specific: "Memahami indeks SQL", ..GOOD_ID },
            // Word boundaries: "improvement", "framework", "peningkatan" are not vague verbs.
            Row { want: [P, nm, P, P, P], ..no_measure("Improvement plan", "Write the improvement plan for the framework") },
            Row { want: [P, nm, P, P, P], ..no_measure("Rencana peningkatan", "Menyusun rencana peningkatan tim") },
            // No specific text.
            Row { specific: "", want: ["no_specific", P, P, P, P], ..GOOD },
            Row { title: "Memberi 3 presentasi", specific: "  ", want: ["no_specific", P, P, P, P], ..GOOD_ID },
            // Measurable.
            Row { metric: "", want: [P, nm, P, P, P], ..GOOD },
            Row { target: None, want: [P, "no_target", P, P, P], ..GOOD_ID },
            Row { baseline: None, want: [P, "~no_baseline", P, P, P], ..GOOD },
            Row { baseline: Some(3.0), want: [P, "target_is_baseline", P, P, P], ..GOOD_ID },
            Row { target: Some(f64::NAN), want: [P, "no_target", P, P, P], ..GOOD },
            // Achievable and relevant.
            Row { achievable: "", want: [P, P, "no_achievable", P, P], ..GOOD },
            Row { relevant: " \n", want: [P, P, P, "no_relevant", P], ..GOOD_ID },
            // Time-bound: missing, yesterday, today, the 12-month boundary.
            Row { due: Due::Missing, want: [P, P, P, P, "no_due_date"], ..GOOD },
            Row { due: Due::Days(-1), want: [P, P, P, P, "due_in_past"], ..GOOD_ID },
            Row { due: Due::Days(0), ..GOOD },
            Row { due: Due::Months(12, 0), ..GOOD },
            Row { due: Due::Months(12, 1), want: [P, P, P, P, "~far_horizon"], ..GOOD_ID },
            // Everything missing.
            Row {
                title: "Improve", specific: "", metric: "", baseline: None, target: None,
                achievable: "", relevant: "", due: Due::Missing,
                want: ["no_specific", nm, "no_achievable", "no_relevant", "no_due_date"],
            },
        ]
    }

    #[test]
    fn examples_in_english_and_indonesian() {
        let rows = examples();
        assert!(rows.len() >= 20);
        for row in rows {
            let report = check(&row.goal(), today());
            let got: Vec<String> = report.letters.iter().map(|c| code(&c.verdict)).collect();
            assert_eq!(
                got, row.want,
                "title {:?}, specific {:?}",
                row.title, row.specific
            );
            let fails = row.want.iter().any(|w| *w != P && !w.starts_with('~'));
            assert_eq!(report.passes(), !fails, "title {:?}", row.title);
        }
    }

    #[test]
    fn every_reason_has_its_own_code() {
        let codes: std::collections::HashSet<&str> =
            Reason::examples().iter().map(Reason::code).collect();
        assert_eq!(codes.len(), Reason::examples().len());
    }

    #[test]
    fn only_failing_letters_are_listed() {
        let row = Row {
            metric: "",
            due: Due::Months(24, 0),
            ..GOOD
        };
        let report = check(&row.goal(), today());
        assert_eq!(report.get(Letter::S).verdict, Verdict::Pass);
        let far = Reason::FarHorizon { months: 24 };
        assert_eq!(
            report.get(Letter::T).verdict,
            Verdict::Advice { reason: far }
        );
        let failing: Vec<Letter> = report.failing().map(|c| c.letter).collect();
        assert_eq!(failing, [Letter::M]);
        assert_eq!(report.failing_letters(), "M");
        assert!(!report.passes());
    }

    #[test]
    fn report_lists_letters_in_order_and_advice_still_passes() {
        let report = check(
            &Row {
                baseline: None,
                ..GOOD
            }
            .goal(),
            today(),
        );
        let letters: Vec<Letter> = report.letters.iter().map(|c| c.letter).collect();
        assert_eq!(letters, Letter::ALL);
        assert!(report.passes());
        assert_eq!(report.failing().count(), 0);
        for letter in Letter::ALL {
            assert_eq!(report.get(letter).letter, letter);
        }
        let codes: String = Letter::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, "SMART");
    }

    #[test]
    fn vague_verb_is_reported_as_listed() {
        let table = [
            ("IMPROVE", "improve"),
            ("Be better at it", "be better at"),
            ("We should get BETTER", "get better"),
            ("Learn more.", "learn more"),
            ("Belajar lebih", "belajar lebih"),
            ("Ingin menjadi lebih baik", "menjadi lebih baik"),
            ("Lebih baik lagi", "lebih baik"),
            ("Tingkatkan!", "tingkatkan"),
        ];
        for (text, verb) in table {
            let goal = no_measure(text, text).goal();
            let report = check(&goal, today());
            let want = Verdict::Fail {
                reason: Reason::VagueVerb { verb: verb.into() },
            };
            assert_eq!(report.get(Letter::S).verdict, want, "text {text:?}");
        }
    }

    #[test]
    fn horizon_boundary_in_months() {
        let cases = [
            // (today, due, months rounded up)
            (d(2026, 11, 27), d(2026, 11, 27), 0),
            (d(2026, 11, 27), d(2027, 11, 27), 12),
            (d(2026, 11, 27), d(2027, 11, 28), 13),
            (d(2026, 1, 31), d(2027, 1, 31), 12),
            (d(2026, 1, 31), d(2027, 2, 1), 13),
            // chrono clamps 2024-02-29 + 12 months to 2025-02-28.
            (d(2024, 2, 29), d(2025, 2, 28), 12),
            (d(2024, 2, 29), d(2025, 3, 1), 13),
            (d(2026, 11, 27), d(2028, 11, 26), 24),
        ];
        for (from, due, months) in cases {
            assert_eq!(months_until(from, due), months, "{from} → {due}");
            let verdict = check_time_bound(Some(due), from);
            let want = if months > HORIZON_MONTHS {
                Verdict::Advice {
                    reason: Reason::FarHorizon { months },
                }
            } else {
                Verdict::Pass
            };
            assert_eq!(verdict, want, "{from} → {due}");
        }
        let fail = |reason| Verdict::Fail { reason };
        assert_eq!(
            check_time_bound(Some(d(2026, 11, 26)), today()),
            fail(Reason::DueInPast)
        );
        assert_eq!(
            check_time_bound(Some(d(2025, 1, 1)), today()),
            fail(Reason::DueInPast)
        );
        assert_eq!(check_time_bound(None, today()), fail(Reason::NoDueDate));
        assert!(matches!(
            check_time_bound(Some(NaiveDate::MAX), today()),
            Verdict::Advice { .. }
        ));
    }

    /// The split as first written (a `String` per word, the text as a `Vec<char>`): the
    /// one-buffer split must give the same words.
    fn words_as_first_written(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut words = Vec::new();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let between_digits = ".,-/:".contains(c)
                && word.chars().next_back().is_some_and(char::is_numeric)
                && chars.get(i + 1).is_some_and(|n| n.is_numeric());
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if between_digits {
                word.push(c);
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        words
    }

    #[test]
    fn the_one_buffer_split_gives_the_words_as_first_written() {
        let pieces = [
            "7", ".", ",", "-", "/", ":", " ", "a", "Z", "İ", "É", "٣", "日本", "3回", "ß", "ǅ",
            "Σ", "½", "Ⅻ", "—", "…", "x1", "1x", "\t", "'",
        ];
        // Every sequence of three pieces, and each of them doubled.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}{a}{c}{b}");
                    assert_eq!(words(&text), words_as_first_written(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn words_split_on_unicode_boundaries() {
        assert_eq!(words("Improve—SQL…now!"), ["improve", "sql", "now"]);
        assert_eq!(words("hal-hal  İyi ÉCOLE"), ["hal", "hal", "i̇yi", "école"]);
        assert_eq!(words("日本語 を 学ぶ 3回"), ["日本語", "を", "学ぶ", "3回"]);
        assert!(scan("3回").number);
        assert!(scan("٣ talks").number, "non-ASCII digits count");
        assert_eq!(scan("improvement").vague, None);
        assert_eq!(
            words("7.5 on 2027-06-01, 10:30."),
            ["7.5", "on", "2027-06-01", "10:30"]
        );
        assert_eq!(words("a-b 3-"), ["a", "b", "3"]);
    }

    #[test]
    fn dates_and_years_are_not_measures() {
        for text in [
            "Improve my English by 2027",
            "Improve my English before 2027-06-01",
            "Improve my English in Q3",
            "Improve my English by June 2027",
            "Meningkatkan bahasa Inggris pada tahun 2027",
            "Meningkatkan bahasa Inggris sebelum Juni 2027",
            "Meningkatkan bahasa Inggris sebelum 01/06/2027",
        ] {
            let goal = no_measure(text, text).goal();
            let verdict = check(&goal, today()).get(Letter::S).verdict.clone();
            assert!(verdict.is_fail(), "{text:?} should stay vague");
        }
        for text in [
            "Improve my score to 2000 points",
            "Improve my English to 7.5",
            "Meningkatkan skor ke 80%",
        ] {
            let goal = no_measure(text, text).goal();
            let verdict = check(&goal, today()).get(Letter::S).verdict.clone();
            assert_eq!(verdict, Verdict::Pass, "{text:?}");
        }
    }
}
