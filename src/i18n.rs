//! Languages of the human-readable output: English, and Traditional Chinese (zh-TW).
//!
//! Messages are values of [`crate::catalog`], rendered in the language by [`crate::msg`]; this module
//! holds the language itself (`--lang`, the locale), the labels (table headers, card fields, status
//! words) and the operating system's errors by their code. Machine formats (JSON, CSV) are never
//! translated.

/// The language of human output; also the value of `--lang`.
// clap would show a variant's doc comment as the value's help in `--help`; `help = None` keeps
// the docs out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English, the language kbbt composes its messages in.
    #[default]
    #[value(help = None::<&str>)]
    En,
    /// Traditional Chinese (繁體中文, Taiwan).
    #[value(name = "zh-TW", alias = "zh-tw", alias = "zh_TW", help = None::<&str>)]
    ZhTw,
}

/// `--lang` wins; else the first of LC_ALL, LC_MESSAGES, LANG that is set decides (zh_TW, zh-TW, zh_Hant).
pub fn detect(flag: Option<Lang>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            return from_locale(&v);
        }
    }
    Lang::En
}

/// The language of a locale name such as `zh_TW.UTF-8`.
pub fn from_locale(v: &str) -> Lang {
    let v = v.to_ascii_lowercase().replace('-', "_");
    if v.starts_with("zh_tw") || v.starts_with("zh_hant") {
        Lang::ZhTw
    } else {
        Lang::En
    }
}

/// Labels: table headers, card fields, severities.
const LABELS: &[(&str, &str)] = &[
    ("group", "組別"),
    ("code", "代碼"),
    ("add", "新增"),
    ("delist", "解列"),
    ("ongoing", "持續列管"),
    ("cases", "案件數"),
    ("delisted", "已解列"),
    ("replaced", "已改列"),
    ("merged", "已整併"),
    ("proposed", "提案"),
    ("lead", "主辦"),
    ("partners", "合作"),
    ("id", "編號"),
    ("title", "案名"),
    ("status", "狀態"),
    ("total", "合計"),
    ("(not stated)", "（未載明）"),
    ("aliases", "別名"),
    ("topics", "共同議題"),
    ("parent", "母案"),
    ("replaces", "取代"),
    ("replaced by", "改列為"),
    ("merged into", "併入"),
    ("merged from", "併入自"),
    ("file", "檔案"),
    ("History", "歷程"),
    ("Notes", "備註"),
    ("Sources", "資料來源"),
    ("error", "錯誤"),
    ("warning", "警告"),
    ("hint:", "提示："),
    ("added", "新增"),
    ("totals", "總計"),
    ("now", "目前"),
    ("all-time", "歷來"),
    ("completed", "已完成"),
    ("relist", "恢復列管"),
    ("subcase", "子案"),
    ("seen", "既有"),
    ("propose", "提案"),
    ("replace", "改列"),
    ("merge", "整併"),
    ("absorb", "併入"),
    ("rename", "更名"),
    ("unknown", "不詳"),
    ("light", "燈號"),
    ("meeting", "會議"),
    ("to", "對象"),
    ("due", "期限"),
    ("state", "狀態"),
    ("text", "內容"),
    ("note", "備註"),
    ("overdue", "逾期"),
    ("behind", "落後"),
    ("on schedule", "正常"),
    ("no schedule", "未設定"),
    ("milestone", "里程碑"),
    ("unconfirmed", "未確認"),
    ("tracked", "處理案件"),
    ("subcases", "子案"),
    ("renamed", "更名"),
    ("lead city", "主辦城市"),
    ("partner city", "合作城市"),
    ("progress", "辦理情形"),
    ("decision", "決議"),
    ("commit", "提交"),
    ("reported", "填報"),
];

/// Every label with its Chinese.
pub fn labels() -> &'static [(&'static str, &'static str)] {
    LABELS
}

/// One label in the language (unknown labels stay as they are).
pub fn label(lang: Lang, en: &str) -> String {
    if lang == Lang::En {
        return en.to_string();
    }
    LABELS
        .iter()
        .find(|(e, _)| *e == en)
        .map_or_else(|| en.to_string(), |(_, z)| (*z).to_string())
}

/// An operating system's error as Rust prints it (`No such file or directory (os error 2)`), in the
/// language: the common ones by their code, others as the system says them. `None` when `s` is not
/// one.
pub fn os_error(lang: Lang, s: &str) -> Option<String> {
    let (text, code) = s.strip_suffix(')')?.rsplit_once(" (os error ")?;
    let code: i32 = code.parse().ok()?;
    if lang == Lang::En {
        return Some(s.to_string());
    }
    // The codes of the errors a register's files meet, by platform.
    #[cfg(windows)]
    let zh = match code {
        2 | 3 => Some("找不到檔案或資料夾"),
        5 => Some("沒有權限"),
        80 | 183 => Some("檔案已存在"),
        39 | 112 => Some("磁碟空間不足"),
        _ => None,
    };
    #[cfg(not(windows))]
    let zh = match code {
        2 => Some("找不到檔案或資料夾"),
        13 | 1 => Some("沒有權限"),
        17 => Some("檔案已存在"),
        20 => Some("不是資料夾"),
        21 => Some("是資料夾"),
        28 => Some("磁碟空間不足"),
        30 => Some("唯讀的檔案系統"),
        36 | 63 => Some("名稱過長"),
        _ => None,
    };
    Some(format!("{}（系統錯誤碼 {code}）", zh.unwrap_or(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales() {
        assert_eq!(from_locale("zh_TW.UTF-8"), Lang::ZhTw);
        assert_eq!(from_locale("zh-Hant-TW"), Lang::ZhTw);
        assert_eq!(from_locale("zh_CN.UTF-8"), Lang::En);
        assert_eq!(from_locale("C.UTF-8"), Lang::En);
    }
}
