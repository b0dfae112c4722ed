//! The generator's randomness and texts: a seedable PRNG and sentences in English and
//! Indonesian, with diacritics and a few CJK words.

/// A tiny deterministic PRNG (Vigna's splitmix64): fast, seedable, good enough for fixtures.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A random (version 4 shaped) UUID.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }
}

pub const ENGLISH: &[&str] = &[
    "Walked through the design review and where it ran over time.",
    "We talked about how to say no to extra scope without sounding defensive.",
    "Prepare three questions about the staff engineer track before next time.",
    "She suggested writing the decision record before the meeting, not after.",
    "Practise the talk twice in front of a colleague and time each section.",
    "The quarterly planning went better than expected; people read the pre-read.",
    "Ask for feedback on the migration plan from someone outside the team.",
    "Keep a log of interruptions for a week to see where the afternoons go.",
    "He recommended a book on negotiation and offered to discuss chapter four.",
    "Follow up with the hiring manager about the opening in the platform group.",
    "I felt nervous presenting, but the questions afterwards were friendly.",
    "Try pairing with the new hire on the flaky test instead of fixing it alone.",
    "Summarise the incident review in one page and share it on Friday.",
    "Set up a recurring slot for one-on-ones with the two juniors.",
    "Find a meetup where I can give a lightning talk this quarter.",
    "Thanks for the introduction to the data team lead; it opened a door.",
    "We agreed to meet every three weeks and to review the agreement in June.",
    "Write down what I would do differently if the project started today.",
    "The résumé needs fewer buzzwords and more concrete outcomes.",
    "Met at the café near Zürich HB; she shared her notes from the offsite.",
    "Consider the naïve approach first, then measure before optimising.",
    "Our São Paulo colleagues joined; the time zones made it a late call.",
];

pub const INDONESIAN: &[&str] = &[
    "Kami membahas cara menyiapkan agenda rapat yang lebih singkat.",
    "Beliau menyarankan agar saya lebih sering meminta umpan balik.",
    "Saya akan mencoba memimpin rapat tinjauan desain minggu depan.",
    "Terima kasih atas waktu dan saran yang sangat membantu.",
    "Tetapkan sasaran yang jelas dan ukur kemajuannya setiap bulan.",
    "Bersikaplah proaktif: hubungi mentor sebelum jadwal pertemuan.",
    "Renungkan secara teratur apa yang berjalan baik dan apa yang tidak.",
    "Menepati komitmen adalah cara terbaik untuk membangun kepercayaan.",
    "Saya masih ragu memilih jalur manajer atau jalur teknis.",
    "Diskusi hari ini tentang membangun jaringan di luar kantor.",
];

pub const SPICE: &[&str] = &[
    "学习 new habits takes time.",
    "感谢 — thank you for the patience.",
    "目標: one talk per quarter.",
    "会议 notes are in the shared doc.",
    "Crème brûlée after the workshop, à la française.",
    "Überprüfung next month, señor Núñez joins too.",
];

pub const AGENDA: &[&str] = &[
    "Update on the talk proposal",
    "Question: how do you prepare for hard conversations?",
    "Report back on the timeboxing experiment",
    "Career track: manager or staff engineer?",
    "Ask for an introduction to the platform lead",
    "Review goal progress since last time",
    "Feedback on my design doc",
    "Pertanyaan tentang negosiasi gaji",
    "Rencana belajar SQL lanjutan",
    "Carry-over: delegation at work",
    "学习计划 for the next quarter",
];

pub const CHANNELS: &[&str] = &[
    "video call",
    "coffee",
    "chat",
    "email",
    "phone",
    "kopi darat",
];
pub const TEMPLATES: &[(&str, &[&str])] = &[
    ("weekly", &["get_clear", "get_current", "get_creative"]),
    ("rolfe", &["what", "so_what", "now_what"]),
    (
        "gibbs",
        &[
            "description",
            "feelings",
            "evaluation",
            "analysis",
            "conclusion",
            "action",
        ],
    ),
];
pub const HEALTH_QUESTIONS: &[&str] =
    &["progress", "feedback", "cadence", "trust", "follow_through"];

/// Text of `min..=max` characters (capped to 10..=400), mostly English, some Indonesian,
/// now and then with diacritics or CJK words.
pub fn text(rng: &mut SplitMix64, min: usize, max: usize) -> String {
    let (min, max) = (min.clamp(10, 400), max.clamp(10, 400));
    // Skewed towards short texts: the square of a uniform number.
    let u = rng.below(1000) as usize;
    let target = min + (max - min) * u * u / 1_000_000;
    let mut out = String::new();
    while out.chars().count() < target {
        let pool = match rng.below(100) {
            0..=64 => ENGLISH,
            65..=91 => INDONESIAN,
            _ => SPICE,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        let sentence: &&str = rng.pick(pool);
        out.push_str(sentence);
    }
    if out.chars().count() > max {
        out = out
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    out
}

pub fn short(rng: &mut SplitMix64, pool: &[&str]) -> String {
    let base = rng.pick(pool).to_string();
    if rng.chance(30) {
        format!("{base} ({})", text(rng, 10, 40))
    } else {
        base
    }
}

/// Given names for the mentors of the demo shape.
pub const GIVEN_NAMES: &[&str] = &[
    "Dewi", "Rahmat", "Ana", "Chen", "Siti", "Daniel", "Sari", "Budi", "Maria", "Kenji", "Ayu",
    "Tomás", "Zoë", "Rizky", "Lena", "Wei", "Putri", "Jonas", "Nur", "Amélie",
];

/// Family names for the mentors of the demo shape.
pub const FAMILY_NAMES: &[&str] = &[
    "Lestari",
    "Hidayat",
    "Müller",
    "Wijaya",
    "Nurhaliza",
    "Okafor",
    "Santoso",
    "Tanaka",
    "Pratama",
    "García",
    "Kusuma",
    "Nguyen",
    "Setiawan",
    "Dubois",
    "Halim",
    "Johansson",
];
