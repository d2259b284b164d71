//! The host-wide, content-addressed image store.
//!
//! A served image is placed once at `DIR/<sha256>.pfi`: its bytes are copied to a temporary
//! name in `DIR` (created exclusively, mode 0600), fsynced, made `0444`, linked to the final
//! name (never replacing a file another server placed meanwhile), and the directory is
//! fsynced. An existing file of that name is verified rather than trusted: a regular file
//! owned by this user or root, no write permission bit, contents hashing to its name, and a
//! valid image. A file that fails is replaced (renamed over, atomically) when this user owns
//! the directory, and is an error naming what failed otherwise. Every server of the same
//! content on the host maps that one inode, so the code is in memory once.
//!
//! Files are never modified: new content, new name. Someone with the owner's rights can still
//! delete one (mapped pages stay valid: the inode lives while mapped) or truncate one (pages
//! past the new end fault): [`install_fault_report`] turns that SIGBUS into a message and exit
//! status [`IMAGE_FAULT_STATUS`], and the supervisor reloads through the store.
//!
//! Also here: who maps what (`/proc/*/maps`, matched by device and inode), and the
//! `permafrost store ls` / `gc` commands.

use permafrost_image::MappedImage;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status of a worker or zygote whose image mapping faulted (SIGBUS): its store file was
/// truncated under it.
pub const IMAGE_FAULT_STATUS: i32 = 75;

/// Environment variable naming the store when `--image-store` is not given.
pub const STORE_ENV: &str = "PERMAFROST_IMAGE_STORE";

/// The store directory: `--image-store`, else `$PERMAFROST_IMAGE_STORE`, else
/// `/var/lib/permafrost/images` for root and `$XDG_CACHE_HOME/permafrost/images` (default
/// `~/.cache/permafrost/images`) for other users. Made absolute, since zygotes get it as an
/// argument.
pub fn resolve_dir(flag: Option<PathBuf>) -> Result<PathBuf, String> {
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let dir = match flag.or_else(|| env(STORE_ENV).map(PathBuf::from)) {
        Some(dir) => dir,
        None if crate::fork::effective_uid() == 0 => PathBuf::from("/var/lib/permafrost/images"),
        None => match (env("XDG_CACHE_HOME"), env("HOME")) {
            (Some(cache), _) => PathBuf::from(cache).join("permafrost/images"),
            (None, Some(home)) => PathBuf::from(home).join(".cache/permafrost/images"),
            (None, None) => {
                return Err(
                    "no image store: HOME is not set; pass --image-store DIR or set \
                     PERMAFROST_IMAGE_STORE"
                        .into(),
                )
            }
        },
    };
    std::path::absolute(&dir).map_err(|e| format!("image store {}: {e}", dir.display()))
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `name` is a store file name: 64 lower-case hex digits and `.pfi`.
fn is_store_name(name: &str) -> Option<&str> {
    let stem = name.strip_suffix(".pfi")?;
    (stem.len() == 64 && stem.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        .then_some(stem)
}

/// Creates the store directory if needed (mode 0755) and checks it: a directory owned by this
/// user or root, not writable by group or others (anyone who may write it could replace a
/// file by renaming). Returns whether this user owns it (and so may replace a bad file).
fn check_dir(dir: &Path) -> Result<bool, String> {
    if let Err(e) = std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(dir)
    {
        return Err(format!(
            "cannot create the image store {}: {e}",
            dir.display()
        ));
    }
    let meta = std::fs::metadata(dir).map_err(|e| format!("image store {}: {e}", dir.display()))?;
    if !meta.is_dir() {
        return Err(format!("image store {} is not a directory", dir.display()));
    }
    let euid = crate::fork::effective_uid();
    if meta.uid() != euid && meta.uid() != 0 {
        return Err(format!(
            "image store {} is owned by uid {}, neither this user (uid {euid}) nor root",
            dir.display(),
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(format!(
            "image store {} is writable by group or others (mode {:04o}); make it 0755",
            dir.display(),
            meta.mode() & 0o7777
        ));
    }
    Ok(meta.uid() == euid)
}

/// Why an existing store file was not used.
enum Rejected {
    Missing,
    Bad(String),
}

/// Opens `path` and checks it is a sealed store file whose contents hash to `sha256`.
fn open_verified(path: &Path, sha256: &str) -> Result<MappedImage, Rejected> {
    let file = match OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Rejected::Missing),
        Err(e) => return Err(Rejected::Bad(format!("cannot open it: {e}"))),
    };
    let mapped = MappedImage::open_sealed(file, path).map_err(|e| {
        Rejected::Bad(if e.section == "file" {
            e.message
        } else {
            e.to_string()
        })
    })?;
    // The hash is of the mapped bytes themselves: what the workers run.
    let actual = sha256_hex(mapped.bytes());
    if actual != sha256 {
        return Err(Rejected::Bad(format!(
            "its contents hash to {actual}, not to its name"
        )));
    }
    Ok(mapped)
}

/// SHA-256 of a file, read in 64 KiB blocks.
fn hash_file(path: &Path) -> Result<String, String> {
    let mut file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        }
    }
    Ok(hex(&hasher.finalize()))
}

/// A temporary file in the store, removed on drop unless kept.
struct TempFile {
    path: PathBuf,
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Copies `image` to a new temporary file in `dir` while hashing it; fsyncs it and makes it
/// 0444. Returns it and the hash of the bytes written (the image may have changed since it
/// was first hashed: the name follows what was written).
fn copy_to_temp(dir: &Path, image: &Path) -> Result<(TempFile, String), String> {
    let mut source =
        File::open(image).map_err(|e| format!("cannot open {}: {e}", image.display()))?;
    let pid = std::process::id();
    let mut created = None;
    for attempt in 0..64u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(".tmp-{pid}-{nanos:x}-{attempt}"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_CLOEXEC)
            .open(&path)
        {
            Ok(file) => {
                created = Some((file, TempFile { path }));
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(format!(
                    "cannot create a file in the image store {}: {e}",
                    dir.display()
                ))
            }
        }
    }
    let Some((mut file, temp)) = created else {
        return Err(format!(
            "cannot create a temporary file in the image store {}",
            dir.display()
        ));
    };
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match source.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read {}: {e}", image.display())),
        };
        hasher.update(&buffer[..n]);
        file.write_all(&buffer[..n])
            .map_err(|e| format!("cannot write {}: {e}", temp.path.display()))?;
    }
    file.sync_all()
        .map_err(|e| format!("cannot sync {}: {e}", temp.path.display()))?;
    file.set_permissions(std::fs::Permissions::from_mode(0o444))
        .map_err(|e| format!("cannot make {} read-only: {e}", temp.path.display()))?;
    Ok((temp, hex(&hasher.finalize())))
}

fn sync_dir(dir: &Path) -> Result<(), String> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| format!("cannot sync the image store {}: {e}", dir.display()))
}

/// Places `image` in the store at `dir` (or verifies the copy already there) and maps the
/// store file. Returns the store file's path, the mapping, and a warning to log if a bad
/// file was replaced. Errors name the file and what failed.
pub fn place(dir: &Path, image: &Path) -> Result<(PathBuf, MappedImage, Option<String>), String> {
    let owned = check_dir(dir)?;
    let len = std::fs::metadata(image)
        .map_err(|e| format!("cannot open {}: {e}", image.display()))?
        .len();
    if len > permafrost_image::layout::MAX_FILE_LEN as u64 {
        // Refused before anything is hashed or copied into the store.
        return Err(format!(
            "{} is {len} bytes, over the format's limit",
            image.display()
        ));
    }
    let sha256 = hash_file(image)?;
    let target = dir.join(format!("{sha256}.pfi"));
    let mut replace = None;
    match open_verified(&target, &sha256) {
        Ok(mapped) => return Ok((target, mapped, None)),
        Err(Rejected::Missing) => {}
        Err(Rejected::Bad(why)) if owned => replace = Some(why),
        Err(Rejected::Bad(why)) => {
            return Err(format!(
                "store file {} failed verification: {why} (the store belongs to another \
                 user; its owner must remove the file)",
                target.display()
            ))
        }
    }
    let (temp, written) = copy_to_temp(dir, image)?;
    let target = dir.join(format!("{written}.pfi"));
    if replace.is_some() {
        // Atomic: other servers keep the inode they mapped; new ones get this one.
        std::fs::rename(&temp.path, &target)
            .map_err(|e| format!("cannot replace {}: {e}", target.display()))?;
    } else {
        match std::fs::hard_link(&temp.path, &target) {
            // Another server placed the same content meanwhile: use its file.
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(_) => std::fs::rename(&temp.path, &target)
                .map_err(|e| format!("cannot place {}: {e}", target.display()))?,
        }
    }
    drop(temp);
    sync_dir(dir)?;
    match open_verified(&target, &written) {
        Ok(mapped) => Ok((
            target.clone(),
            mapped,
            replace.map(|why| format!("replaced store file {}: {why}", target.display())),
        )),
        Err(Rejected::Missing) => Err(format!("{} vanished after placing it", target.display())),
        Err(Rejected::Bad(why)) => {
            // Not a valid image (or gone bad at once): no server can map it, so it does not
            // stay in the store.
            let _ = std::fs::remove_file(&target);
            Err(format!(
                "store file {} failed verification: {why}",
                target.display()
            ))
        }
    }
}

/// A mapped file's identity as `/proc/PID/maps` shows it: `major:minor` in hex, and inode.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileId {
    /// `major:minor`, hex, as in `/proc/PID/maps`.
    pub device: String,
    /// The inode number.
    pub inode: u64,
}

impl FileId {
    /// The identity of the file at `path`.
    pub fn of(path: &Path) -> Option<FileId> {
        let meta = std::fs::metadata(path).ok()?;
        let dev = meta.dev();
        Some(FileId {
            device: format!(
                "{:02x}:{:02x}",
                nix::sys::stat::major(dev),
                nix::sys::stat::minor(dev)
            ),
            inode: meta.ino(),
        })
    }
}

/// One `/proc/PID/maps` line's start address, file identity and path (without a trailing
/// ` (deleted)`); `None` for anonymous mappings.
fn parse_maps_line(line: &str) -> Option<(u64, FileId, &str)> {
    let mut fields = line.splitn(6, ' ');
    let range = fields.next()?;
    let _perms = fields.next()?;
    let _offset = fields.next()?;
    let device = fields.next()?;
    let inode: u64 = fields.next()?.parse().ok()?;
    if inode == 0 {
        return None;
    }
    let path = fields.next().unwrap_or("").trim_start();
    let path = path.strip_suffix(" (deleted)").unwrap_or(path);
    let start = u64::from_str_radix(range.split_once('-')?.0, 16).ok()?;
    Some((
        start,
        FileId {
            device: device.to_string(),
            inode,
        },
        path,
    ))
}

/// The file mapped at address `start` in process `pid`: its identity and path.
pub fn mapped_file_at(pid: i32, start: u64) -> Option<(FileId, String)> {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).ok()?;
    maps.lines()
        .filter_map(parse_maps_line)
        .find(|(s, _, _)| *s == start)
        .map(|(_, id, path)| (id, path.to_string()))
}

/// For each of `files`, the pids on the host that map it (every process whose maps this user
/// may read: all of them for root, this user's own otherwise).
pub fn mappers(files: &[FileId]) -> HashMap<FileId, Vec<i32>> {
    let wanted: HashSet<&FileId> = files.iter().collect();
    let mut found: HashMap<FileId, Vec<i32>> = files.iter().map(|f| (f.clone(), vec![])).collect();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return found;
    };
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(maps) = std::fs::read_to_string(format!("/proc/{pid}/maps")) else {
            continue;
        };
        let mut seen = HashSet::new();
        for (_, id, _) in maps.lines().filter_map(parse_maps_line) {
            if wanted.contains(&id) && seen.insert(id.clone()) {
                if let Some(pids) = found.get_mut(&id) {
                    pids.push(pid);
                }
            }
        }
    }
    for pids in found.values_mut() {
        pids.sort_unstable();
    }
    found
}

/// A file in the store.
struct Entry {
    path: PathBuf,
    name: String,
    bytes: u64,
    id: Option<FileId>,
}

fn entries(dir: &Path) -> Result<(Vec<Entry>, Vec<PathBuf>), String> {
    let listing =
        std::fs::read_dir(dir).map_err(|e| format!("image store {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    let mut temps = Vec::new();
    for entry in listing.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(".tmp-") {
            temps.push(path);
            continue;
        }
        if is_store_name(&name).is_none() {
            continue;
        }
        let bytes = std::fs::symlink_metadata(&path).map_or(0, |m| m.len());
        files.push(Entry {
            id: FileId::of(&path),
            path,
            name,
            bytes,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((files, temps))
}

/// `permafrost store ls`: every store file with its size and the processes mapping it.
pub fn ls(dir: &Path) -> ExitCode {
    let (files, _) = match entries(dir) {
        Ok(found) => found,
        Err(message) => return fail(&message),
    };
    let ids: Vec<FileId> = files.iter().filter_map(|f| f.id.clone()).collect();
    let mapped = mappers(&ids);
    let mut out = String::new();
    out.push_str(&format!("{}\n", dir.display()));
    out.push_str(&format!(
        "{:<68} {:>12} {:>8}  pids\n",
        "file", "bytes", "mappers"
    ));
    let mut total = 0;
    for file in &files {
        let pids = file
            .id
            .as_ref()
            .and_then(|id| mapped.get(id))
            .cloned()
            .unwrap_or_default();
        total += file.bytes;
        let shown: Vec<String> = pids.iter().take(16).map(|p| p.to_string()).collect();
        let more = if pids.len() > 16 { " ..." } else { "" };
        out.push_str(&format!(
            "{:<68} {:>12} {:>8}  {}{more}\n",
            file.name,
            file.bytes,
            pids.len(),
            shown.join(" ")
        ));
    }
    out.push_str(&format!("{} files, {total} bytes\n", files.len()));
    let _ = std::io::stdout().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

/// `permafrost store gc`: removes the store files no process maps, and temporary files left by
/// processes that are gone.
pub fn gc(dir: &Path) -> ExitCode {
    let (files, temps) = match entries(dir) {
        Ok(found) => found,
        Err(message) => return fail(&message),
    };
    let ids: Vec<FileId> = files.iter().filter_map(|f| f.id.clone()).collect();
    let mapped = mappers(&ids);
    let (mut removed, mut freed, mut kept) = (0, 0, 0);
    for file in &files {
        let in_use = file
            .id
            .as_ref()
            .is_some_and(|id| mapped.get(id).is_some_and(|p| !p.is_empty()));
        if in_use {
            kept += 1;
            continue;
        }
        match std::fs::remove_file(&file.path) {
            Ok(()) => {
                println!("removed {} ({} bytes)", file.name, file.bytes);
                removed += 1;
                freed += file.bytes;
            }
            Err(e) => eprintln!("permafrost: cannot remove {}: {e}", file.path.display()),
        }
    }
    for temp in temps {
        // `.tmp-PID-...`: left behind only if its writer died mid-copy.
        let pid = temp
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix(".tmp-"))
            .and_then(|n| n.split('-').next())
            .and_then(|p| p.parse::<i32>().ok());
        let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
        if !alive && std::fs::remove_file(&temp).is_ok() {
            println!("removed {}", temp.display());
        }
    }
    println!("{removed} files removed ({freed} bytes), {kept} in use kept");
    if removed > 0 {
        let _ = sync_dir(dir);
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("permafrost: {message}");
    ExitCode::FAILURE
}

/// Makes a SIGBUS inside `image_range` (the store file was truncated under the mapping) print
/// a message naming `file` and exit with [`IMAGE_FAULT_STATUS`]; any other SIGBUS keeps its
/// default action. Inherited by forked workers.
pub fn install_fault_report(image_range: std::ops::Range<usize>, file: &Path) {
    let message = format!(
        "permafrost: SIGBUS reading the image: its store file {} was truncated under the \
         mapping; exiting with status {IMAGE_FAULT_STATUS}\n",
        file.display()
    );
    crate::fork::install_sigbus_report(image_range, message, IMAGE_FAULT_STATUS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_lines_parse_with_and_without_deleted() {
        let line = "7f0000000000-7f0000100000 r--s 00000000 08:01 4242                       \
                    /var/lib/permafrost/images/ab.pfi (deleted)";
        let (start, id, path) = parse_maps_line(line).expect("parses");
        assert_eq!(start, 0x7f0000000000);
        assert_eq!(id.device, "08:01");
        assert_eq!(id.inode, 4242);
        assert_eq!(path, "/var/lib/permafrost/images/ab.pfi");
        assert!(parse_maps_line("7f00-7f01 rw-p 00000000 00:00 0 ").is_none());
    }

    #[test]
    fn store_names_are_sha256_hex() {
        let name = format!("{}.pfi", sha256_hex(b"abc"));
        assert_eq!(
            is_store_name(&name),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert!(is_store_name("ba78.pfi").is_none());
        assert!(is_store_name(&name.to_uppercase()).is_none());
    }

    #[test]
    fn own_mappings_are_found_by_identity() {
        let exe = std::fs::read_link("/proc/self/exe").expect("exe");
        let id = FileId::of(&exe).expect("stat exe");
        let found = mappers(std::slice::from_ref(&id));
        assert!(found[&id].contains(&(std::process::id() as i32)));
    }

    #[test]
    fn group_writable_store_is_refused() {
        let dir = std::env::temp_dir().join(format!("pf-store-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(check_dir(&dir), Ok(true));
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o775)).unwrap();
        let err = check_dir(&dir).unwrap_err();
        assert!(err.contains("writable by group or others"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
