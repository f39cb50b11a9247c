//! Integration tests: the real `kbbt` binary run on registers written into temporary folders.

mod apply;
mod documents;
mod fmt;
mod follow;
mod help;
mod hostile;
mod import;
mod import_minutes;
mod lang;
mod list_show;
mod messages;
mod messages_errors;
mod meta;
mod minutes;
mod new;
mod props;
mod report;
mod sheets;
mod shipped;
mod snapshots;
mod sources;
mod stale;
mod status;
mod support;
mod validate;
mod width;
