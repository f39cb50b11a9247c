//! Integration tests: the real `kbbt` binary run on registers written into temporary folders.

mod apply;
mod fmt;
mod import;
mod import_minutes;
mod lang;
mod list_show;
mod meta;
mod minutes;
mod new;
mod props;
mod report;
mod shipped;
mod sources;
mod stale;
mod status;
mod support;
mod validate;
