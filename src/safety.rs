//! Rules on paths inside a register that the reader (`load`) and the writer (`write`) share: which
//! paths are register files, that no symbolic link lies on the way to one, and that a name fits the
//! file system. A register is untrusted input (anyone who opens a pull request writes it), so these
//! rules decide what kbbt may read or write, never the register's own contents.

use std::path::{Component, Path, PathBuf};

/// The longest file name (one path component) kbbt writes, in bytes: the common limit of Linux,
/// macOS and Windows file systems.
pub const MAX_NAME_BYTES: usize = 255;
/// The longest path below the register root kbbt writes, in bytes.
pub const MAX_PATH_BYTES: usize = 1024;

/// A path that stays inside the register: relative, not empty, no `..`, no root or prefix.
pub fn inside(p: &Path) -> bool {
    !p.as_os_str().is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

/// A file kbbt may write: `platform.yaml`, or a `.yaml` file below `cases/` or `meetings/`, with no
/// hidden component (so never `.git/…` or `.kbbt/…`) and every component valid UTF-8.
pub fn register_file(p: &Path) -> bool {
    if !inside(p) {
        return false;
    }
    let parts: Vec<&str> = match p
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<Vec<_>>>()
    {
        Some(v) => v,
        None => return false,
    };
    if parts.iter().any(|s| s.starts_with('.') || s.contains('\\')) {
        return false;
    }
    match parts.as_slice() {
        ["platform.yaml"] => true,
        [first, .., last] if parts.len() >= 2 => {
            (*first == "cases" || *first == "meetings")
                && (last.ends_with(".yaml") || last.ends_with(".yml"))
        }
        _ => false,
    }
}

/// Why a name cannot be written, if it cannot: a component or the whole path too long.
pub fn name_problem(p: &Path) -> Option<crate::msg::Msg> {
    use crate::{catalog as cat, msg::Msg};
    if p.as_os_str().len() > MAX_PATH_BYTES {
        return Some(
            Msg::new(&cat::PATH_TOO_LONG)
                .num("n", p.as_os_str().len())
                .num("limit", MAX_PATH_BYTES),
        );
    }
    for c in p.components() {
        let n = c.as_os_str().len();
        if n > MAX_NAME_BYTES {
            return Some(
                Msg::new(&cat::NAME_TOO_LONG)
                    .num("n", n)
                    .num("limit", MAX_NAME_BYTES),
            );
        }
    }
    None
}

/// The one rule for a meeting id, used by `validate`, `new` and `apply`: lower-case ASCII letters,
/// digits and dashes, 1–64 bytes, not starting or ending with a dash (`vm-7`; not `VM-7`, `vm_7`, `-`).
/// The id names the meeting's file, so this also keeps it a short, portable file name.
pub fn meeting_id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// The first symbolic link on the way from `root` to `root/rel` (the target included), as a path
/// relative to `root`. A component that does not exist (or cannot be looked at) ends the walk.
pub fn link_on_path(root: &Path, rel: &Path) -> Option<PathBuf> {
    let mut sofar = PathBuf::new();
    for c in rel.components() {
        sofar.push(c);
        match std::fs::symlink_metadata(root.join(&sofar)) {
            Ok(m) if m.file_type().is_symlink() => return Some(sofar),
            Ok(_) => {}
            // Missing, or below a file: no link here (reading or writing it fails on its own).
            Err(_) => return None,
        }
    }
    None
}

/// Whether `root/name` is a symbolic link (e.g. the state folder `.kbbt`).
pub fn is_link(root: &Path, name: &str) -> bool {
    std::fs::symlink_metadata(root.join(name)).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_files_are_case_meeting_and_platform_files_only() {
        for ok in [
            "platform.yaml",
            "cases/TR/TR-001.yaml",
            "meetings/vm-7.yaml",
            "cases/x.yml",
        ] {
            assert!(register_file(Path::new(ok)), "{ok}");
        }
        for bad in [
            "",
            ".git/hooks/pre-commit",
            "cases/../x.yaml",
            "/etc/x.yaml",
            "cases/.git/x.yaml",
            ".kbbt/journal",
            "README.md",
            "cases/TR/TR-001.txt",
            "cases",
            "meetings/.hidden.yaml",
            "other/x.yaml",
            "cases/a\\b.yaml",
        ] {
            assert!(!register_file(Path::new(bad)), "{bad}");
        }
    }

    #[test]
    fn meeting_ids() {
        for ok in ["vm-7", "m-113-1", "x"] {
            assert!(meeting_id_ok(ok), "{ok}");
        }
        for bad in [
            "VM-7",
            "vm_7",
            "-",
            "",
            "vm-",
            "-vm",
            "vm/7",
            "vm.7",
            &"v".repeat(65),
        ] {
            assert!(!meeting_id_ok(bad), "{bad}");
        }
    }

    #[test]
    fn long_names_are_named() {
        let long = format!("meetings/{}.yaml", "v".repeat(260));
        assert!(name_problem(Path::new(&long)).is_some());
        assert!(name_problem(Path::new("meetings/vm-7.yaml")).is_none());
    }
}
