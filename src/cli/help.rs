//! `--help` in the interface language. clap's help comes from the doc comments (English); for
//! Indonesian every about line, argument help and heading is replaced before parsing.

use clap::Command;

use crate::i18n::Lang;

/// (subcommand or "" for the top level, argument id or "" for the about line, Indonesian text)
const ID: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "Jurnal mentoring pribadi untuk terminal. Jalankan tanpa perintah untuk membuka jurnal.",
    ),
    (
        "",
        "db",
        "Berkas jurnal (bawaan: folder data platform; juga MENTEE_DB).",
    ),
    (
        "",
        "demo",
        "Buka jurnal demo sementara berisi contoh (tidak pernah berkas Anda sendiri).",
    ),
    (
        "",
        "lang",
        "Bahasa antarmuka: en atau id (bawaan: konfigurasi, lalu $LANG).",
    ),
    (
        "",
        "config",
        "Berkas konfigurasi (bawaan: folder konfigurasi platform; juga MENTEE_CONFIG).",
    ),
    (
        "check",
        "",
        "Periksa jurnal: integritas, versi skema, enkripsi, dan jumlah catatan.",
    ),
    ("check", "format", "Format keluaran."),
    (
        "export",
        "",
        "Ekspor jurnal: utuh sebagai JSON, mudah dibaca sebagai Markdown, pertemuan sebagai iCalendar.",
    ),
    (
        "export",
        "format",
        "json (utuh, untuk impor), md (mudah dibaca) atau ics (pertemuan, untuk kalender).",
    ),
    (
        "export",
        "output",
        "Tulis ke berkas ini (secara atomik, mode 0600), bukan ke keluaran standar.",
    ),
    (
        "export",
        "include_private",
        "Sertakan entri yang ditandai pribadi (bawaan: tidak disertakan).",
    ),
    (
        "import",
        "",
        "Impor ekspor JSON (diperiksa dulu, lalu diterapkan semua atau tidak sama sekali; id yang sama digabung), atau undangan kalender dengan --format ics.",
    ),
    ("import", "file", "Berkas JSON yang diimpor."),
    (
        "import",
        "dry_run",
        "Hanya periksa dan laporkan apa yang akan berubah.",
    ),
    (
        "import",
        "format",
        "json (ekspor mentee) atau ics (undangan kalender, sebagai pertemuan terencana).",
    ),
    (
        "import",
        "mentor",
        "ics: mentor untuk undangan yang tidak cocok dengan mentor mana pun lewat e-mail atau nama.",
    ),
    (
        "backup",
        "",
        "Salin jurnal ke FILE secara konsisten, bahkan saat mentee sedang terbuka.",
    ),
    (
        "backup",
        "file",
        "Tempat menulis salinan (belum boleh ada).",
    ),
    (
        "status",
        "",
        "Beberapa baris untuk sapaan shell: pertemuan berikutnya, komitmen terlambat, pengingat utama.",
    ),
    ("status", "format", "Format keluaran."),
    (
        "resource",
        "",
        "Lanjutkan rekomendasi atau perkenalan: statusnya, pelajaran yang Anda petik.",
    ),
    (
        "resource",
        "title",
        "Rekomendasinya: judulnya, atau awal judul yang unik (huruf besar/kecil sama saja).",
    ),
    (
        "resource",
        "status",
        "belum, sedang, selesai, atau dibatalkan (todo, doing, done, dropped).",
    ),
    ("resource", "takeaway", "Pelajaran yang Anda petik darinya."),
    (
        "status",
        "include_private",
        "Tampilkan nama mentor pribadi dan teks pribadi (bawaan: disembunyikan, seperti Ctrl-P).",
    ),
    (
        "agenda",
        "",
        "Agenda pertemuan terencana berikutnya (atau pertemuan yang diberikan), sebagai Markdown atau JSON.",
    ),
    (
        "agenda",
        "meeting",
        "Pertemuannya: tanggalnya (2026-11-29, besok, jumat), nama mentornya (pertemuan berikutnya dengannya, atau yang terakhir), nomornya, atau UUID-nya.",
    ),
    ("agenda", "format", "Format keluaran."),
    (
        "agenda",
        "include_private",
        "Sertakan butir agenda yang ditandai pribadi.",
    ),
    (
        "agenda",
        "output",
        "Tulis ke berkas ini (secara atomik, mode 0600), bukan ke keluaran standar.",
    ),
    (
        "recap",
        "",
        "Rekap untuk dikirim ke mentor setelah pertemuan: terima kasih, yang kita bahas, yang akan saya lakukan dan kapan, yang ditawarkan mentor, pertemuan berikutnya. Catatan pribadi tidak disertakan.",
    ),
    (
        "recap",
        "meeting",
        "Pertemuan yang sudah berlangsung: tanggalnya (2026-11-27, kemarin, jumat) atau nama mentornya (pertemuan terakhir dengannya); bawaan: pertemuan terakhir yang sudah berlangsung.",
    ),
    ("recap", "format", "Format keluaran."),
    (
        "recap",
        "output",
        "Tulis ke berkas ini (secara atomik, mode 0600), bukan ke keluaran standar.",
    ),
    ("review", "", "Angka-angka minggu, bulan, atau kuartal ini."),
    (
        "review",
        "period",
        "Periodenya (bawaan: reflection_cadence di konfigurasi).",
    ),
    (
        "review",
        "previous",
        "Periode lengkap terakhir, bukan periode ini (pada hari Senin: minggu lalu).",
    ),
    (
        "review",
        "from",
        "Hari pertama periode pilihan Anda (2026-11-01, 1 nov 2026, -2mg…); perlu --to.",
    ),
    (
        "review",
        "to",
        "Hari terakhir (termasuk) periode pilihan Anda; perlu --from.",
    ),
    ("review", "format", "Format keluaran."),
    (
        "review",
        "output",
        "Tulis ke berkas ini (secara atomik, mode 0600), bukan ke keluaran standar.",
    ),
    (
        "mentors",
        "",
        "Para mentor, dengan jenis hubungannya (mentor, pelatih, sponsor, rekan, mentor terbalik). Mentoring berjangka panjang dan tentang diri serta karier Anda; coaching lebih singkat dan tentang satu keterampilan atau sasaran.",
    ),
    (
        "mentors",
        "relationship",
        "Hanya jenis ini: mentor, pelatih (coach), sponsor, rekan (peer), mentor-terbalik (reverse).",
    ),
    ("mentors", "format", "Format keluaran."),
    (
        "mentors",
        "include_private",
        "Sertakan mentor yang ditandai pribadi.",
    ),
    (
        "candidates",
        "",
        "Calon mentor dan mentor yang sudah dihubungi berdampingan: kartu kecocokan, total, rata-rata.",
    ),
    ("candidates", "format", "Format keluaran."),
    (
        "candidates",
        "include_private",
        "Sertakan mentor yang ditandai pribadi.",
    ),
    (
        "add",
        "",
        "Catat cepat: pertanyaan, sasaran, umpan balik, komitmen, terima kasih, atau pencapaian.",
    ),
    ("add", "what", "Apa yang ditambahkan."),
    (
        "add",
        "mentor",
        "Mentornya (huruf besar/kecil tidak berpengaruh; awal nama yang unik sudah cukup).",
    ),
    (
        "add",
        "due",
        "Jatuh tempo (komitmen, sasaran): 2026-12-01, hari ini, besok, lusa, +3h, +2mg, minggu depan, jumat (yang berikutnya), jumat ini (minggu ini), jumat depan (minggu depan)…",
    ),
    (
        "add",
        "kind",
        "Jenis umpan balik (bawaan: saran) atau jenis rekomendasi (bawaan: buku).",
    ),
    (
        "add",
        "goal",
        "Sasaran yang didukung rekomendasi (awal judul yang unik sudah cukup).",
    ),
    (
        "add",
        "link",
        "Di mana menemukannya: tautan, ISBN, atau kontak orang yang dikenalkan.",
    ),
    ("add", "owner", "Komitmen siapa (bawaan: saya)."),
    (
        "add",
        "on",
        "Tanggal terjadinya pencapaian (bawaan: hari ini).",
    ),
    (
        "add",
        "goal",
        "Sasaran yang didukung pencapaian (huruf besar/kecil tidak berpengaruh; awal judul yang unik sudah cukup).",
    ),
    (
        "add",
        "evidence",
        "Bukti pencapaian: tautan, dokumen, angka.",
    ),
    (
        "wins",
        "",
        "Pencapaian Anda sebagai dokumen prestasi untuk penilaian kinerja, dikelompokkan menurut bidang dan sasaran.",
    ),
    (
        "wins",
        "from",
        "Hari pertama (2026-07-01, -3bln, …); bawaan: pencapaian pertama.",
    ),
    (
        "wins",
        "to",
        "Hari terakhir, termasuk; bawaan: pencapaian terakhir.",
    ),
    ("wins", "format", "Format keluaran."),
    (
        "wins",
        "include_private",
        "Sertakan pencapaian pribadi (dan pencapaian dari sasaran atau mentor pribadi).",
    ),
    (
        "add",
        "private",
        "Tandai entri sebagai pribadi (tidak diekspor kecuali diminta).",
    ),
    ("add", "text", "Teksnya; kata-kata digabung dengan spasi."),
    (
        "help",
        "",
        "Tampilkan pesan ini atau bantuan perintah yang diberikan.",
    ),
    (
        "encrypt",
        "",
        "Enkripsi jurnal dengan frasa sandi, ditanyakan dua kali (lihat docs/PRIVACY.md).",
    ),
    (
        "decrypt",
        "",
        "Kembalikan jurnal terenkripsi menjadi berkas SQLite biasa.",
    ),
    ("passphrase", "", "Ganti frasa sandi jurnal terenkripsi."),
    (
        "completions",
        "",
        "Cetak skrip pelengkapan shell untuk bash, zsh, fish, powershell, atau elvish.",
    ),
    ("completions", "shell", "Shell yang dilengkapi."),
    (
        "man",
        "",
        "Cetak halaman manual (roff) ke keluaran standar.",
    ),
    (
        "paths",
        "",
        "Tempat jurnal, konfigurasi, folder kerja editor, dan salinan sebelum pembaruan berada, menurut opsi dan lingkungan yang diberikan.",
    ),
    ("paths", "format", "Format keluaran."),
];

/// Every Indonesian text of `--help` written here (for the glossary test).
pub fn indonesian_help() -> impl Iterator<Item = &'static str> {
    ID.iter().map(|(_, _, text)| *text)
}

/// `cmd` with its help in `lang` (English is what the doc comments say). In both languages
/// the word-valued arguments list the language's words; in Indonesian every about line,
/// argument help, heading, value name, default and possible value is replaced before parsing.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    // Build first, so the automatic --help and --version arguments exist to be translated.
    let mut cmd = cmd;
    cmd.build();
    let mut cmd = translate(cmd, "", lang);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| translate(sub, &name, lang));
    }
    cmd
}

/// The arguments whose values are words, with the parser and value name of `lang`.
fn word_args(cmd: Command, lang: Lang) -> Command {
    use super::words::WordParser;
    use crate::domain::{Party, Period};
    let mut cmd = cmd;
    let has = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    if has(&cmd, "what") {
        cmd = cmd.mut_arg("what", |a| {
            a.value_parser(WordParser::<super::CaptureKind>::new(lang))
        });
    }
    if has(&cmd, "kind") {
        cmd = cmd.mut_arg("kind", |a| {
            a.value_parser(WordParser::<super::words::KindArg>::new(lang))
                .value_name(WordParser::<super::words::KindArg>::value_name(lang))
        });
    }
    if has(&cmd, "owner") {
        cmd = cmd.mut_arg("owner", |a| {
            a.value_parser(WordParser::<Party>::new(lang))
                .value_name(WordParser::<Party>::value_name(lang))
        });
    }
    if has(&cmd, "period") {
        cmd = cmd.mut_arg("period", |a| {
            a.value_parser(WordParser::<Period>::new(lang))
                .value_name(WordParser::<Period>::value_name(lang))
        });
    }
    cmd
}

fn translate(cmd: Command, sub: &str, lang: Lang) -> Command {
    // Changing an argument moves it to the end; keep the order the doc comments give.
    let order: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = word_args(cmd, lang);
    if lang == Lang::Id {
        cmd = translate_help(cmd, sub);
    }
    for (position, id) in order.iter().enumerate() {
        cmd = cmd.mut_arg(id, |a| a.display_order(position));
    }
    cmd
}

/// The Indonesian help of one (sub)command.
fn translate_help(mut cmd: Command, sub: &str) -> Command {
    let t = &Lang::Id.text().clap;
    // This subcommand's own texts, then the global options it inherits from the top level.
    let own = ID.iter().filter(|(s, _, _)| *s == sub);
    let global = ID
        .iter()
        .filter(|(s, a, _)| s.is_empty() && !a.is_empty() && !sub.is_empty());
    for (_, arg, text) in own.chain(global) {
        if arg.is_empty() {
            cmd = cmd.about(*text);
        } else if cmd.get_arguments().any(|a| a.get_id() == *arg) {
            cmd = cmd.mut_arg(*arg, |a| a.help(*text));
        }
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                t.arguments
            } else {
                t.options
            };
            let a = a.help_heading(heading);
            let a = match VALUE_NAMES_ID
                .iter()
                .find(|(en, _)| a.get_value_names() == Some(&[clap::builder::Str::from(*en)]))
            {
                Some((_, id)) => a.value_name(*id),
                None => a,
            };
            match id.as_str() {
                "help" => a.help(t.print_help).long_help(t.print_help_long),
                "version" => a.help(t.print_version),
                "subcommand" if sub == "help" => a.help(t.help_subcommand_arg),
                _ => spell_out_values(a),
            }
        });
    }
    if sub == "help" {
        cmd = cmd.about(t.help_subcommand);
    }
    // clap writes "[OPTIONS]" and "[COMMAND]" in the usage line whatever the help says.
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    let usage = usage
        .replace("[OPTIONS]", &format!("[{}]", t.options.to_uppercase()))
        .replace("COMMAND", &t.commands.to_uppercase());
    cmd = cmd.override_usage(usage);
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        t.usage
    ))
    .subcommand_help_heading(t.commands)
}

/// Value names shown in the usage line, in Indonesian.
const VALUE_NAMES_ID: &[(&str, &str)] = &[
    ("PATH", "PATH"),
    ("FILE", "BERKAS"),
    ("NAME", "NAMA"),
    ("DATE", "TANGGAL"),
    ("KIND", "JENIS"),
    ("TEXT", "TEKS"),
    ("WHEN", "KAPAN"),
];

/// An argument's default and possible values written into its help, in Indonesian (clap
/// would write "[default: …]" and "Possible values:"), with each value's description from
/// the catalog.
fn spell_out_values(a: clap::Arg) -> clap::Arg {
    let lang = Lang::Id.text();
    let t = &lang.clap;
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let values = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
    };
    // clap shows no default for a flag: it is off unless given.
    let defaults: Vec<String> =
        if a.get_action().takes_values() && !a.is_hide_default_value_set() {
            a.get_default_values()
        } else {
            &[]
        }
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if values.is_empty() && defaults.is_empty() {
        return a;
    }
    let default =
        (!defaults.is_empty()).then(|| format!("[{}: {}]", t.default_value, defaults.join(", ")));
    let described = |name: &str, help: Option<&clap::builder::StyledStr>| {
        let from_catalog = lang
            .words
            .formats
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, h)| h.to_string());
        from_catalog.or_else(|| help.map(|h| h.to_string()))
    };
    let mut short = help.clone();
    let mut long = help;
    let visible: Vec<&clap::builder::PossibleValue> =
        values.iter().filter(|v| !v.is_hide_set()).collect();
    if !visible.is_empty() {
        let names: Vec<&str> = visible.iter().map(|v| v.get_name()).collect();
        short.push_str(&format!(" [{}: {}]", t.choices, names.join(", ")));
        let lines: Vec<String> = visible
            .iter()
            .map(|v| match described(v.get_name(), v.get_help()) {
                Some(h) => format!("- {}: {h}", v.get_name()),
                None => format!("- {}", v.get_name()),
            })
            .collect();
        long.push_str(&format!("\n\n{}:\n{}", t.possible_values, lines.join("\n")));
    }
    if let Some(default) = default {
        short = format!("{short} {default}");
        long = format!("{long}\n\n{default}");
    }
    a.help(short)
        .long_help(long)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// The language `--help` should use, read before the command line is parsed: `--lang`, then
/// the config file's `language`, then `$LANG`. Arguments may be any bytes (paths need not
/// be UTF-8); a flag's value that is not text is simply not a language.
pub fn language_before_parsing(args: &[std::ffi::OsString]) -> Lang {
    let mut lang = None;
    let mut config = std::env::var_os("MENTEE_CONFIG")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from);
    for (i, raw) in args.iter().enumerate() {
        let arg = raw.to_string_lossy();
        let value = |flag: &str| -> Option<std::ffi::OsString> {
            if let Some(v) = arg.strip_prefix(&format!("{flag}=")) {
                return Some(v.into());
            }
            (arg == flag).then(|| args.get(i + 1).cloned()).flatten()
        };
        if let Some(v) = value("--lang") {
            lang = v.to_str().and_then(Lang::from_code);
        }
        if let Some(v) = value("--config") {
            config = Some(v.into());
        }
    }
    lang.or_else(|| {
        config
            .or_else(crate::config::Config::default_path)
            .and_then(|p| crate::config::Config::load(&p).ok())
            .and_then(|c| c.language)
    })
    .or_else(Lang::from_env)
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    #[test]
    fn indonesian_help_covers_every_argument_and_subcommand() {
        let cmd = localize(Cli::command(), Lang::Id);
        let mut help = Vec::new();
        let mut c = cmd.clone();
        c.write_long_help(&mut help).unwrap();
        let help = String::from_utf8(help).unwrap();
        assert!(help.contains("Jurnal mentoring pribadi"), "{help}");
        assert!(help.contains("Pemakaian:") && help.contains("Perintah") && help.contains("Opsi"));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            assert!(
                ID.iter()
                    .any(|(s, a, _)| *s == sub.get_name() && a.is_empty()),
                "about of {}",
                sub.get_name()
            );
            for arg in sub.get_arguments().filter(|a| {
                !["help", "db", "demo", "lang", "config"].contains(&a.get_id().as_str())
            }) {
                assert!(
                    ID.iter()
                        .any(|(s, a, _)| *s == sub.get_name() && *a == arg.get_id().as_str()),
                    "{} --{} has no Indonesian help",
                    sub.get_name(),
                    arg.get_id()
                );
            }
        }
    }

    #[test]
    fn language_is_read_from_the_arguments_first() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            language_before_parsing(&args(&["mentee", "--lang", "id", "--help"])),
            Lang::Id
        );
        assert_eq!(
            language_before_parsing(&args(&["mentee", "--lang=id", "status", "-h"])),
            Lang::Id
        );
    }
}
