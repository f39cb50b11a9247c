//! Integration tests: the real `kbbt` binary run on registers written into temporary folders.

mod apply;
mod fmt;
mod hostile;
mod import;
mod lang;
mod list_show;
mod meta;
mod minutes;
mod new;
mod props;
mod report;
mod shipped;
mod stale;
mod status;
mod support;
mod validate;
