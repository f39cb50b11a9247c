//! How a command ends: the exit codes, by meaning. The numbers are part of kbbt's interface
//! (README, "Exit codes"); scripts and CI rely on them, so they are named once, here.

/// A command's exit status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Exit {
    /// 0: the command did what was asked (for `validate`: no errors; warnings may be printed).
    #[default]
    Success,
    /// 1: the register or a meeting has problems, `apply` refused (nothing was written), `fmt --check`
    /// found files to reformat, a check found something (`check stale`), or a file could not be read
    /// or written.
    Problems,
    /// 2: the command line is wrong: unknown command or flag, a bad date, group or meeting, no
    /// register found. (clap's own usage errors exit 2 as well.)
    Usage,
}

impl Exit {
    /// The process exit code.
    pub const fn code(self) -> i32 {
        match self {
            Exit::Success => 0,
            Exit::Problems => 1,
            Exit::Usage => 2,
        }
    }

    /// [`Exit::Problems`] when `problems` holds, else [`Exit::Success`].
    pub const fn problems_if(problems: bool) -> Exit {
        if problems {
            Exit::Problems
        } else {
            Exit::Success
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        match e {
            Exit::Success => std::process::ExitCode::SUCCESS,
            Exit::Problems => std::process::ExitCode::from(1),
            Exit::Usage => std::process::ExitCode::from(2),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;

    #[test]
    fn the_documented_numbers() {
        assert_eq!(
            [Exit::Success, Exit::Problems, Exit::Usage].map(Exit::code),
            [0, 1, 2]
        );
        assert_eq!(Exit::default(), Exit::Success);
    }

    #[test]
    fn problems_if() {
        assert_eq!(Exit::problems_if(true), Exit::Problems);
        assert_eq!(Exit::problems_if(false), Exit::Success);
    }
}
