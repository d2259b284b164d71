//! Read-only mapping of an image for serving.
//!
//! Mapping the user's file directly would let anyone who truncates it kill every worker with
//! SIGBUS, and anyone who rewrites it change code the validator already approved. So the file
//! is first copied into a private file that has no name (`O_TMPFILE` in the image's directory,
//! else in `$TMPDIR`; where `O_TMPFILE` is unsupported, a file created exclusively and
//! unlinked at once), fsynced, and that copy is mapped `PROT_READ`. Nobody else holds a
//! descriptor or a path to it, so nobody can change or shrink it while it is mapped. Being a
//! regular file (not a memfd), its pages are accounted as file-backed `Shared_Clean`.
//!
//! A server maps a *sealed* file instead ([`MappedImage::open_sealed`]): a file of the
//! host-wide image store that nobody but its owner (this user or root) may write and that
//! carries no write permission bit at all, so that every server of the same content on the host
//! maps one inode. The store (in the server crate) names it by its SHA-256 and checks the hash.

use crate::layout::MAX_FILE_LEN;
use crate::reader::{Image, ImageError};
use memmap2::Mmap;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// A validated image mapped read-only from a private, unlinked, fsynced copy of the file.
pub struct MappedImage {
    map: Mmap,
    validated: Image<'static>,
}

fn io_error(path: &Path, what: &str, e: io::Error) -> ImageError {
    ImageError {
        section: "file",
        offset: 0,
        message: format!("{what} {}: {e}", path.display()),
    }
}

/// Opens a nameless file in `dir` with `O_TMPFILE`.
fn open_tmpfile(dir: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .mode(0o600)
        .custom_flags(libc::O_TMPFILE | libc::O_CLOEXEC)
        .open(dir)
}

/// Creates a file in `dir` that only this process can open, then removes its name.
fn create_and_unlink(dir: &Path) -> io::Result<File> {
    let pid = std::process::id();
    for attempt in 0..64u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(".permafrost-image-{pid}-{nanos:x}-{attempt}"));
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_CLOEXEC)
            .open(&path)
        {
            Ok(file) => {
                std::fs::remove_file(&path)?;
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "could not create a private temporary file",
    ))
}

/// A private, nameless, writable file, preferably on the image's own file system.
fn private_file(image_path: &Path) -> io::Result<File> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    match image_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => dirs.push(p.to_path_buf()),
        _ => dirs.push(PathBuf::from(".")),
    }
    dirs.push(std::env::temp_dir());
    let mut last = io::Error::other("no directory for a private copy");
    for dir in &dirs {
        // O_TMPFILE fails on file systems without it; the fallback's error is the telling one.
        if let Ok(f) = open_tmpfile(dir) {
            return Ok(f);
        }
        match create_and_unlink(dir) {
            Ok(f) => return Ok(f),
            Err(e) => last = e,
        }
    }
    Err(last)
}

impl MappedImage {
    /// Copies `path` privately, maps it `PROT_READ`, validates it in full.
    pub fn open(path: &Path) -> Result<MappedImage, ImageError> {
        let mut source = File::open(path).map_err(|e| io_error(path, "cannot open", e))?;
        let len = source
            .metadata()
            .map_err(|e| io_error(path, "cannot stat", e))?
            .len();
        if len > MAX_FILE_LEN as u64 {
            return Err(ImageError {
                section: "file",
                offset: 0,
                message: format!("{} is {len} bytes, over the format's limit", path.display()),
            });
        }
        let mut copy =
            private_file(path).map_err(|e| io_error(path, "cannot make a private copy of", e))?;
        let copied =
            io::copy(&mut source, &mut copy).map_err(|e| io_error(path, "cannot copy", e))?;
        drop(source);
        if copied == 0 {
            // Mapping zero bytes is an error on Linux; report what the reader says of it.
            return Err(Image::parse(&[]).err().unwrap_or(ImageError {
                section: "header",
                offset: 0,
                message: "empty file".into(),
            }));
        }
        copy.sync_all()
            .map_err(|e| io_error(path, "cannot sync the private copy of", e))?;
        // SAFETY: `copy` is a regular file that has no name (O_TMPFILE, or unlinked right after
        // an exclusive create with mode 0600) and whose only descriptor is ours, dropped below;
        // so no other process or thread can truncate or write it while the mapping exists, and
        // the mapped bytes stay exactly the bytes validated below. The mapping is read-only, so
        // we never write through it either.
        let map = unsafe { Mmap::map(&copy) }
            .map_err(|e| io_error(path, "cannot map the private copy of", e))?;
        drop(copy);
        let validated = {
            // The image is parsed from the mapping's bytes and its views are kept only while
            // `map` lives (see `image` and `leak`).
            let bytes: &[u8] = &map;
            let image = Image::parse(bytes)?;
            // SAFETY: the 'static lifetime never escapes: `image()` re-borrows it for the
            // lifetime of `&self`, and `leak()` hands it out only after leaking `map`. The
            // heap address of the mapping does not change when `MappedImage` moves.
            unsafe { std::mem::transmute::<Image<'_>, Image<'static>>(image) }
        };
        Ok(MappedImage { map, validated })
    }

    /// Maps an already open store file `PROT_READ` and validates it in full. The file must be
    /// a regular file owned by this process's effective user or by root with no write
    /// permission bit set (mode `0444` or stricter): only its owner could make it writable
    /// again, and the store never does. `path` names it in errors.
    pub fn open_sealed(file: File, path: &Path) -> Result<MappedImage, ImageError> {
        use std::os::unix::fs::MetadataExt;
        let meta = file
            .metadata()
            .map_err(|e| io_error(path, "cannot stat", e))?;
        let sealed_error = |message: String| ImageError {
            section: "file",
            offset: 0,
            message,
        };
        if !meta.file_type().is_file() {
            return Err(sealed_error("not a regular file".into()));
        }
        // SAFETY: `geteuid` has no preconditions and cannot fail.
        let euid = unsafe { libc::geteuid() };
        if meta.uid() != euid && meta.uid() != 0 {
            return Err(sealed_error(format!(
                "owned by uid {}, neither this user (uid {euid}) nor root",
                meta.uid()
            )));
        }
        if meta.mode() & 0o222 != 0 {
            return Err(sealed_error(format!(
                "writable (mode {:04o}; store files are 0444)",
                meta.mode() & 0o7777
            )));
        }
        if meta.len() == 0 {
            return Err(Image::parse(&[]).err().unwrap_or(ImageError {
                section: "header",
                offset: 0,
                message: "empty file".into(),
            }));
        }
        if meta.len() > MAX_FILE_LEN as u64 {
            return Err(sealed_error(format!(
                "{} bytes, over the format's limit",
                meta.len()
            )));
        }
        // SAFETY: the file is read-only to everyone (no write bit) and owned by this user or
        // root, checked above; the store never writes, truncates or chmods a file once it is
        // named, so its bytes stay the ones validated below. Only someone with the owner's
        // rights could change it anyway: a truncation makes the pages past the end fault with
        // SIGBUS, which the server turns into a reported worker exit (see the server's
        // `store` module); a rewrite is what the owner's rights allow and is out of scope.
        // The mapping is read-only, so we never write through it.
        let map = unsafe { Mmap::map(&file) }.map_err(|e| io_error(path, "cannot map", e))?;
        drop(file);
        let validated = {
            let bytes: &[u8] = &map;
            let image = Image::parse(bytes)?;
            // SAFETY: as in `open`: the 'static lifetime never outlives `map`.
            unsafe { std::mem::transmute::<Image<'_>, Image<'static>>(image) }
        };
        Ok(MappedImage { map, validated })
    }

    /// The mapped bytes (the whole file).
    pub fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// The validated view.
    pub fn image(&self) -> Image<'_> {
        self.validated
    }

    /// Keeps the mapping for the rest of the process's life.
    pub fn leak(self) -> Image<'static> {
        std::mem::forget(self.map);
        self.validated
    }

    /// Address range of the mapping, for the memory report.
    pub fn range(&self) -> std::ops::Range<usize> {
        let start = self.map.as_ptr() as usize;
        start..start + self.map.len()
    }

    /// Size of the image in bytes.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the image has no bytes (never true of an image that validated).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Seek, Write};
    use std::os::unix::fs::MetadataExt;

    fn assert_private(mut file: File) {
        let meta = file.metadata().unwrap();
        assert_eq!(meta.nlink(), 0, "the copy has no name");
        assert_eq!(meta.mode() & 0o077, 0, "only the owner may open it");
        file.write_all(b"abc").unwrap();
        file.rewind().unwrap();
        let mut back = String::new();
        file.read_to_string(&mut back).unwrap();
        assert_eq!(back, "abc");
    }

    #[test]
    fn fallback_file_is_unlinked_at_once() {
        assert_private(create_and_unlink(&std::env::temp_dir()).unwrap());
    }

    #[test]
    fn private_file_has_no_name() {
        let image = std::env::temp_dir().join("some-image.pfi");
        assert_private(private_file(&image).unwrap());
    }
}
