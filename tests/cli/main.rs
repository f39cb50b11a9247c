//! Integration tests: the real `kbbt` binary run on registers written into temporary folders.

mod apply;
mod list_show;
mod props;
mod shipped;
mod status;
mod support;
mod validate;
