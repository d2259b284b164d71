//! Per-job isolation without a fork per job: a worker puts its memory back to the state it had
//! right after it was forked, so that every job starts from exactly what a fresh worker would
//! see (`--isolate`, the default `reset` mode).
//!
//! Two halves:
//!
//! - **In the zygote**, [`share_heap`] moves the preloaded heap (every anonymous writable
//!   private mapping: glibc's `[heap]` and arenas, large blocks) into a memfd and maps the file
//!   `MAP_PRIVATE` at the same addresses. Nothing changes for the zygote or for a worker forked
//!   from it except what `MADV_DONTNEED` means there: it drops the worker's private copy of a
//!   page, which then reads as the zygote's again (for anonymous memory it would read as zeros).
//! - **In the worker**, [`Snapshot::take`] (once, after the fork, the sandbox and the `ready`
//!   frame) copies the rest of the writable memory the worker has: the statics of the binary and
//!   the C library, the used part of the stacks (with the thread's TLS), the pages of the
//!   worker's arena in use. [`Snapshot::restore`], after each job, drops the heap pages the job
//!   copied (private pages of the memfd mappings, found in `/proc/self/pagemap`), copies the
//!   rest back, drops pages that appeared since, and closes descriptors opened since.
//!
//! What it cannot reset is the kernel's side of things it did not see at the snapshot: new
//! mappings (a thread's stack, for one). The worker compares the size of its address space
//! after each job ([`Snapshot::mappings_changed`]) and exits instead, to be replaced by a fork.
//!
//! The restore writes memory the compiler considers owned by live Rust values (statics, the
//! stack frames of the callers, the interpreter reached through a pointer). That is sound for
//! the same reason `fork` is: every byte goes back to the value it had at the snapshot, when the
//! caller's state was consistent, and the caller holds no reference into the restored memory
//! across the call (it re-derives them afterwards through an optimisation barrier). This module
//! holds all of that `unsafe`, each block with its argument.

use std::fs::File;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::fs::FileExt;
use std::sync::atomic::{AtomicUsize, Ordering};

const PAGE: usize = 4096;

/// Pagemap entry bits (Documentation/admin-guide/mm/pagemap.rst).
const PM_PRESENT: u64 = 1 << 63;
const PM_SWAPPED: u64 = 1 << 62;
const PM_FILE: u64 = 1 << 61;

/// Mappings remembered at most (the zygote's heap regions; a worker's snapshot regions).
const MAX_REGIONS: usize = 128;
/// The zygote's heap regions moved into the memfd, as `start, end` pairs: set by
/// [`share_heap`] in the zygote, inherited by every worker.
static SHARED: [AtomicUsize; 2 * MAX_REGIONS] = [const { AtomicUsize::new(0) }; 2 * MAX_REGIONS];
static SHARED_COUNT: AtomicUsize = AtomicUsize::new(0);

/// An address in the frame of the zygote's main thread that waits while the interpreter
/// thread forks (see [`note_parked_stack`]).
static PARKED_MARK: AtomicUsize = AtomicUsize::new(0);

/// Notes that the calling thread parks here for the rest of the zygote's life (it waits for the
/// interpreter thread): in a worker, which has no such thread, only its stack above `mark`
/// holds live data (the frames of the functions that called this one), so a snapshot copies
/// that part, not the dead frames below it.
pub(crate) fn note_parked_stack(mark: usize) {
    PARKED_MARK.store(mark, Ordering::Relaxed);
}

/// The memfd the zygote's heap moves into, created while the zygote may still create files.
pub(crate) struct HeapFile(OwnedFd);

/// Creates the (empty, sparse) memfd for [`share_heap`]. Call before the zygote's seccomp
/// filter, which refuses `memfd_create` and `ftruncate`.
pub(crate) fn heap_file() -> Result<HeapFile, String> {
    let fd = nix::sys::memfd::memfd_create(
        c"permafrost-zygote-heap",
        nix::sys::memfd::MemFdCreateFlag::MFD_CLOEXEC,
    )
    .map_err(|e| format!("memfd_create: {e}"))?;
    // Sparse: only the pages copied in take memory.
    nix::unistd::ftruncate(&fd, 1 << 40).map_err(|e| format!("ftruncate: {e}"))?;
    Ok(HeapFile(fd))
}

/// One line of `/proc/self/maps`, as far as this module cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mapping {
    start: usize,
    end: usize,
    /// `rw-p`: writable and private.
    writable_private: bool,
    /// No path, or `[heap]`.
    anonymous: bool,
}

/// Reads `/proc/self/maps` (through `maps`, opened earlier, read from offset 0) into `out`;
/// returns how many mappings it holds. No allocation: a stack buffer.
fn read_maps(maps: &File, out: &mut [Mapping; 512]) -> Result<usize, String> {
    let mut text = [0u8; 65536];
    let mut len = 0;
    loop {
        if len == text.len() {
            return Err("/proc/self/maps is longer than 64 KiB".into());
        }
        let n = maps
            .read_at(&mut text[len..], len as u64)
            .map_err(|e| format!("/proc/self/maps: {e}"))?;
        if n == 0 {
            break;
        }
        len += n;
    }
    let mut count = 0;
    for line in text[..len].split(|&b| b == b'\n') {
        if line.is_empty() {
            continue;
        }
        if count == out.len() {
            return Err("more than 512 mappings".into());
        }
        out[count] = parse_maps_line(line).ok_or("cannot parse /proc/self/maps")?;
        count += 1;
    }
    Ok(count)
}

fn parse_maps_line(line: &[u8]) -> Option<Mapping> {
    let mut fields = line.split(|&b| b == b' ').filter(|field| !field.is_empty());
    let range = fields.next()?;
    let perms = fields.next()?;
    let path = fields.nth(3).unwrap_or(b"");
    let dash = range.iter().position(|&b| b == b'-')?;
    let hex = |digits: &[u8]| -> Option<usize> {
        usize::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    Some(Mapping {
        start: hex(&range[..dash])?,
        end: hex(&range[dash + 1..])?,
        writable_private: perms.len() >= 4 && perms[1] == b'w' && perms[3] == b'p',
        anonymous: path.is_empty() || path == b"[heap]",
    })
}

/// `PAGEMAP_SCAN` (Linux 6.7): the kernel reports the ranges of pages in given categories, much
/// faster than reading a pagemap entry per page. Its argument and result layouts
/// (`struct pm_scan_arg`, `struct page_region` of `linux/fs.h`).
#[repr(C)]
struct PmScanArg {
    size: u64,
    flags: u64,
    start: u64,
    end: u64,
    walk_end: u64,
    vec: u64,
    vec_len: u64,
    max_pages: u64,
    category_inverted: u64,
    category_mask: u64,
    category_anyof_mask: u64,
    return_mask: u64,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct PageRegion {
    start: u64,
    end: u64,
    categories: u64,
}

/// `_IOWR('f', 16, struct pm_scan_arg)`.
pub(crate) const PAGEMAP_SCAN: u64 =
    (3 << 30) | ((std::mem::size_of::<PmScanArg>() as u64) << 16) | ((b'f' as u64) << 8) | 16;
const PAGE_IS_FILE: u64 = 1 << 2;
const PAGE_IS_PRESENT: u64 = 1 << 3;
const PAGE_IS_SWAPPED: u64 = 1 << 4;

/// Calls `found(start, end)` for each range of pages in `[start, end)` that are present (or
/// swapped out) and, with `private_only`, not the file's own pages. `None` when the kernel has
/// no `PAGEMAP_SCAN` (the callers then read the pagemap).
fn scan_pages(
    pagemap: &File,
    start: usize,
    end: usize,
    private_only: bool,
    mut found: impl FnMut(usize, usize),
) -> Option<()> {
    let mut regions = [PageRegion::default(); 64];
    let mut from = start as u64;
    while from < end as u64 {
        let mut arg = PmScanArg {
            size: std::mem::size_of::<PmScanArg>() as u64,
            flags: 0,
            start: from,
            end: end as u64,
            walk_end: 0,
            vec: regions.as_mut_ptr() as u64,
            vec_len: regions.len() as u64,
            max_pages: 0,
            category_inverted: if private_only { PAGE_IS_FILE } else { 0 },
            category_mask: if private_only {
                PAGE_IS_FILE | PAGE_IS_PRESENT
            } else {
                0
            },
            category_anyof_mask: if private_only {
                0
            } else {
                PAGE_IS_PRESENT | PAGE_IS_SWAPPED
            },
            return_mask: PAGE_IS_PRESENT | PAGE_IS_SWAPPED,
        };
        // SAFETY: `arg` is a valid `pm_scan_arg` of the size it declares; `vec` points to
        // `vec_len` writable `page_region`s that outlive the call; the ioctl only reads this
        // process's page tables and writes `arg` and `regions`.
        let n = unsafe {
            libc::ioctl(
                pagemap.as_raw_fd(),
                PAGEMAP_SCAN as libc::Ioctl,
                &mut arg as *mut PmScanArg,
            )
        };
        if n < 0 {
            return None;
        }
        for region in &regions[..n as usize] {
            found(region.start as usize, region.end as usize);
        }
        if arg.walk_end <= from {
            break;
        }
        from = arg.walk_end;
    }
    Some(())
}

/// Reads the pagemap entries of `[start, start + 8 * entries.len() pages)`.
fn read_pagemap(pagemap: &File, start: usize, entries: &mut [u64]) -> Result<(), String> {
    // SAFETY: a `[u64]` is also a valid `[u8]` of eight times the length (no padding, any bit
    // pattern valid for both), and the byte view is dropped before `entries` is used again.
    let bytes = unsafe {
        std::slice::from_raw_parts_mut(entries.as_mut_ptr().cast::<u8>(), entries.len() * 8)
    };
    let offset = (start / PAGE * 8) as u64;
    pagemap
        .read_exact_at(bytes, offset)
        .map_err(|e| format!("/proc/self/pagemap: {e}"))
}

/// Calls `found(start, end)` for each maximal range of pages in `[start, end)` that are present
/// (or swapped out) and, with `private_only`, not the file's own pages: with `PAGEMAP_SCAN`
/// where the kernel has it, else by reading the pagemap.
fn page_ranges(
    pagemap: &File,
    start: usize,
    end: usize,
    private_only: bool,
    mut found: impl FnMut(usize, usize),
) -> Result<(), String> {
    if scan_pages(pagemap, start, end, private_only, &mut found).is_some() {
        return Ok(());
    }
    pagemap_ranges(pagemap, start, end, private_only, found)
}

/// [`page_ranges`] by reading a pagemap entry per page (kernels before 6.7).
fn pagemap_ranges(
    pagemap: &File,
    start: usize,
    end: usize,
    private_only: bool,
    mut found: impl FnMut(usize, usize),
) -> Result<(), String> {
    let mut entries = [0u64; 512];
    let mut pending: Option<(usize, usize)> = None;
    let mut addr = start;
    while addr < end {
        let n = ((end - addr) / PAGE).min(entries.len());
        read_pagemap(pagemap, addr, &mut entries[..n])?;
        for &entry in &entries[..n] {
            let wanted = if private_only {
                entry & PM_PRESENT != 0 && entry & PM_FILE == 0
            } else {
                entry & (PM_PRESENT | PM_SWAPPED) != 0
            };
            if wanted {
                pending = match pending {
                    Some((s, e)) if e == addr => Some((s, addr + PAGE)),
                    Some((s, e)) => {
                        found(s, e);
                        Some((addr, addr + PAGE))
                    }
                    None => Some((addr, addr + PAGE)),
                };
            }
            addr += PAGE;
        }
    }
    if let Some((s, e)) = pending {
        found(s, e);
    }
    Ok(())
}

/// In the zygote, once it will allocate nothing more: moves every anonymous writable private
/// mapping except the stack in use into `file` and maps it back `MAP_PRIVATE` at the same
/// address (see the module docs). Returns the bytes moved.
pub(crate) fn share_heap(file: HeapFile) -> Result<usize, String> {
    let maps = File::open("/proc/self/maps").map_err(|e| format!("/proc/self/maps: {e}"))?;
    let pagemap =
        File::open("/proc/self/pagemap").map_err(|e| format!("/proc/self/pagemap: {e}"))?;
    let mut mappings = [Mapping {
        start: 0,
        end: 0,
        writable_private: false,
        anonymous: false,
    }; 512];
    let count = read_maps(&maps, &mut mappings)?;
    let here = std::hint::black_box(&count as *const usize as usize);
    let mut offset = 0usize;
    let mut moved = 0usize;
    let mut regions = 0usize;
    for (index, mapping) in mappings[..count].iter().enumerate() {
        if !(mapping.writable_private && mapping.anonymous) {
            continue;
        }
        if (mapping.start..mapping.end).contains(&here) {
            continue; // the stack this code runs on
        }
        if index > 0 && !mappings[index - 1].anonymous && mappings[index - 1].end == mapping.start {
            // The zero-filled tail of a binary's data segment (its `.bss`): statics, which a
            // worker sets for itself after the fork (the allocator's mode, for one), so they
            // are copied by each worker's snapshot instead.
            continue;
        }
        if regions == MAX_REGIONS {
            return Err(format!("more than {MAX_REGIONS} heap mappings"));
        }
        let len = mapping.end - mapping.start;
        moved += copy_present_pages(&pagemap, &file, mapping.start, len, offset)?;
        // SAFETY: `[start, end)` is a private anonymous mapping of this process whose present
        // pages were just copied to `file` at `offset` (the others read as zeros, as the
        // file's holes do). Replacing it with a private mapping of those bytes leaves every
        // byte of it unchanged. No other thread runs (the main thread waits in `join`) and
        // nothing wrote it since the copy (no allocation, and this stack is elsewhere).
        let mapped = unsafe {
            libc::mmap(
                mapping.start as *mut libc::c_void,
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_FIXED,
                file.0.as_raw_fd(),
                offset as libc::off_t,
            )
        };
        if mapped == libc::MAP_FAILED {
            // The old mapping is gone or intact depending on where mmap failed: this process
            // cannot go on either way.
            crate::fork::exit_now(70);
        }
        SHARED[2 * regions].store(mapping.start, Ordering::Relaxed);
        SHARED[2 * regions + 1].store(mapping.end, Ordering::Relaxed);
        regions += 1;
        offset += len;
    }
    SHARED_COUNT.store(regions, Ordering::Release);
    Ok(moved)
}

/// Copies the present pages of `[start, start + len)` into `file` at `offset` (through a
/// temporary shared mapping of the file); returns the bytes copied.
fn copy_present_pages(
    pagemap: &File,
    file: &HeapFile,
    start: usize,
    len: usize,
    offset: usize,
) -> Result<usize, String> {
    // SAFETY: a new shared mapping of the memfd at an address of the kernel's choosing aliases
    // no memory of this process.
    let window = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED,
            file.0.as_raw_fd(),
            offset as libc::off_t,
        )
    };
    if window == libc::MAP_FAILED {
        return Err(format!("mmap: {}", std::io::Error::last_os_error()));
    }
    let mut copied = 0;
    let result = page_ranges(pagemap, start, start + len, false, |s, e| {
        let at = s - start;
        // SAFETY: `[s, e)` are pages of a readable mapping of this process inside
        // `[start, start + len)`; the window is `len` bytes long, so `window + at` has room
        // for them; the two do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(s as *const u8, (window as *mut u8).add(at), e - s)
        };
        copied += e - s;
    });
    // SAFETY: the window mapped above, used no more.
    unsafe { libc::munmap(window, len) };
    result.map(|()| copied)
}

/// One run of pages copied at the snapshot: `pages` pages at `addr`, saved at `saved` in the
/// snapshot's buffer.
#[derive(Clone, Copy, Debug, Default)]
struct Run {
    addr: usize,
    pages: usize,
    saved: usize,
}

/// A range of memory the snapshot covers, and its runs `runs[first..first + count]`.
#[derive(Clone, Copy, Debug, Default)]
struct Region {
    start: usize,
    end: usize,
    first: usize,
    count: usize,
}

/// Anonymous memory mapped for the snapshot's own use, outside everything it restores.
struct Scratch {
    addr: usize,
    len: usize,
}

impl Scratch {
    fn new(len: usize) -> Result<Scratch, String> {
        let len = len.max(PAGE).next_multiple_of(PAGE);
        // SAFETY: a fresh anonymous mapping at an address of the kernel's choosing.
        let addr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if addr == libc::MAP_FAILED {
            return Err(format!("mmap: {}", std::io::Error::last_os_error()));
        }
        Ok(Scratch {
            addr: addr as usize,
            len,
        })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `new`, used no more.
        unsafe { libc::munmap(self.addr as *mut libc::c_void, self.len) };
    }
}

/// Arena pages above the snapshot's bump pointer kept mapped across a reset (beyond this,
/// they are given back to the kernel).
const MAX_DIRTY_ARENA: usize = 16 << 20;

/// Up to this descriptor limit (the sandbox sets 16) descriptors are closed one by one; above
/// it with one `close_range` (which only an unsandboxed worker may call).
const SMALL_FD_LIMIT: RawFd = 64;

/// The run table at the start of a snapshot's `tables` mapping.
fn run_table(tables: &mut Scratch) -> &mut [Run] {
    // SAFETY: `tables` was mapped with room for `MAX_RUNS` runs at its start, zeroed (a valid
    // `Run`), and only the snapshot that owns it uses it.
    unsafe { std::slice::from_raw_parts_mut(tables.addr as *mut Run, MAX_RUNS) }
}

/// Most runs and regions a snapshot keeps.
const MAX_RUNS: usize = 4096;

/// What a worker's memory looked like right after it was forked (see the module docs).
pub(crate) struct Snapshot {
    pagemap: File,
    statm: File,
    /// The address space's size at the snapshot, in pages (`statm`'s first field).
    vm_pages: u64,
    /// The saved pages.
    saved: Scratch,
    /// `[Run; MAX_RUNS]`, then `[Region; MAX_REGIONS]`.
    tables: Scratch,
    runs: usize,
    regions: usize,
    /// The worker arena's bump pointer at the snapshot: the arena above it is free space,
    /// left out of the snapshot (see `alloc::after_reset`).
    arena_bump: usize,
    /// The end of the arena pages any job has used: the allocator zeroes them when it hands
    /// them out as fresh pages.
    arena_dirty_end: std::cell::Cell<usize>,
    /// Descriptors numbered this or above were opened after the snapshot.
    first_new_fd: RawFd,
    /// The soft `RLIMIT_NOFILE`: descriptors a job could hold are below it.
    fd_limit: RawFd,
}

impl Snapshot {
    /// Takes the snapshot. `maps`, `pagemap` and `statm` are `/proc/self/{maps,pagemap,statm}`,
    /// opened before the sandbox; `stack_mark` is an address in the caller's frame: the stack
    /// below it (the caller's frame and what it calls) is not restored.
    pub(crate) fn take(
        maps: File,
        pagemap: File,
        statm: File,
        stack_mark: usize,
    ) -> Result<Snapshot, String> {
        let mut mappings = [Mapping {
            start: 0,
            end: 0,
            writable_private: false,
            anonymous: false,
        }; 512];
        let count = read_maps(&maps, &mut mappings)?;
        drop(maps);
        // Mapped after reading the list, so neither of the snapshot's own mappings is in it.
        let tables = Scratch::new(
            MAX_RUNS * std::mem::size_of::<Run>() + MAX_REGIONS * std::mem::size_of::<Region>(),
        )?;
        let shared = shared_regions();
        let arena = crate::alloc::arena_range();
        let arena_bump = crate::alloc::arena_bump().next_multiple_of(PAGE);
        // Not restored: the caller's frame and below, with a margin above the mark for the
        // rest of the caller's frame.
        let stack_keep = (stack_mark + 4 * PAGE).next_multiple_of(PAGE);
        let parked = PARKED_MARK.load(Ordering::Relaxed);
        let mut snapshot = Snapshot {
            pagemap,
            statm,
            vm_pages: 0,
            saved: Scratch::new(PAGE)?,
            tables,
            runs: 0,
            regions: 0,
            arena_bump,
            arena_dirty_end: std::cell::Cell::new(arena_bump),
            first_new_fd: 0,
            fd_limit: 0,
        };
        // First pass: the regions and their present pages, into the tables; second: the copy.
        let mut total_pages = 0usize;
        for mapping in &mappings[..count] {
            if !mapping.writable_private {
                continue;
            }
            if shared
                .clone()
                .any(|(s, e)| s == mapping.start && e == mapping.end)
            {
                continue; // the zygote's heap: reset through the memfd
            }
            let mut start = mapping.start;
            let end = mapping.end;
            if (start..end).contains(&stack_mark) {
                start = stack_keep.min(end);
            } else if (start..end).contains(&parked) {
                start = (parked & !(PAGE - 1)).saturating_sub(4 * PAGE).max(start);
            }
            // The arena above the bump pointer is free space: handled by the allocator.
            let pieces = split_out(start, end, arena_bump, arena.end);
            for (piece_start, piece_end) in pieces.into_iter().flatten() {
                total_pages += snapshot.add_region(piece_start, piece_end)?;
            }
        }
        snapshot.saved = Scratch::new(total_pages * PAGE)?;
        let mut cursor = 0;
        for r in 0..snapshot.runs {
            let run = &mut snapshot.runs_mut()[r];
            run.saved = cursor;
            let (addr, bytes) = (run.addr, run.pages * PAGE);
            // SAFETY: `addr` is `bytes` of present, readable pages of this process (from
            // pagemap, just now); the buffer has room for every run's pages and is a separate
            // mapping.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    addr as *const u8,
                    (snapshot.saved.addr + cursor) as *mut u8,
                    bytes,
                )
            };
            cursor += bytes;
        }
        snapshot.vm_pages = vm_pages(&snapshot.statm);
        let (soft, _) = nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE)
            .map_err(|e| format!("getrlimit: {e}"))?;
        snapshot.fd_limit = soft.min(i32::MAX as u64) as RawFd;
        snapshot.first_new_fd = (0..snapshot.fd_limit.min(SMALL_FD_LIMIT))
            .rev()
            .find(|&fd| nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFD).is_ok())
            .map_or(0, |fd| fd + 1);
        Ok(snapshot)
    }

    fn runs_mut(&mut self) -> &mut [Run] {
        run_table(&mut self.tables)
    }

    fn regions_mut(&mut self) -> &mut [Region] {
        let at = self.tables.addr + MAX_RUNS * std::mem::size_of::<Run>();
        // SAFETY: as in `runs_mut`: the `MAX_REGIONS` regions follow the runs in `tables`.
        unsafe { std::slice::from_raw_parts_mut(at as *mut Region, MAX_REGIONS) }
    }

    fn runs(&self) -> &[Run] {
        // SAFETY: as in `runs_mut`, shared.
        unsafe { std::slice::from_raw_parts(self.tables.addr as *const Run, self.runs) }
    }

    fn regions(&self) -> &[Region] {
        let at = self.tables.addr + MAX_RUNS * std::mem::size_of::<Run>();
        // SAFETY: as in `regions_mut`, shared.
        unsafe { std::slice::from_raw_parts(at as *const Region, self.regions) }
    }

    /// Records `[start, end)` and the runs of its present pages; returns their page count.
    fn add_region(&mut self, start: usize, end: usize) -> Result<usize, String> {
        if self.regions == MAX_REGIONS {
            return Err(format!("more than {MAX_REGIONS} writable mappings"));
        }
        // No allocation here: the arena's state is about to be saved.
        let first = self.runs;
        let mut next = first;
        let table = run_table(&mut self.tables);
        page_ranges(&self.pagemap, start, end, false, |s, e| {
            if let Some(run) = table.get_mut(next) {
                *run = Run {
                    addr: s,
                    pages: (e - s) / PAGE,
                    saved: 0,
                };
            }
            next += 1;
        })?;
        if next > MAX_RUNS {
            return Err(format!("more than {MAX_RUNS} runs of pages"));
        }
        let total = table[first..next].iter().map(|run| run.pages).sum();
        self.runs = next;
        let index = self.regions;
        let count = self.runs - first;
        self.regions_mut()[index] = Region {
            start,
            end,
            first,
            count,
        };
        self.regions += 1;
        Ok(total)
    }

    /// Whether mappings were added or removed since the snapshot (the address space changed
    /// size): then the worker cannot be reset and must exit.
    pub(crate) fn mappings_changed(&self) -> bool {
        vm_pages(&self.statm) != self.vm_pages
    }

    /// Puts the memory back as it was at the snapshot (see the module docs). The caller holds
    /// no reference into restored memory across this call and re-derives what it needs
    /// afterwards through `std::hint::black_box`.
    #[inline(never)]
    pub(crate) fn restore(&self) -> Result<(), String> {
        // The arena's pages the job used above the snapshot's bump pointer: left mapped (the
        // next job reuses them without page faults), but the allocator must know they are
        // not zero.
        let mut dirty_end = crate::alloc::arena_bump()
            .next_multiple_of(PAGE)
            .max(self.arena_dirty_end.get());
        if dirty_end - self.arena_bump > MAX_DIRTY_ARENA {
            // A big job: give its pages back rather than keep them for the next one.
            dont_need(self.arena_bump, dirty_end);
            dirty_end = self.arena_bump;
        }
        self.arena_dirty_end.set(dirty_end);
        drop_private_heap_pages(&self.pagemap)?;
        self.drop_new_pages()?;
        for run in self.runs() {
            // SAFETY: the run's pages are mapped read-write (they were at the snapshot, and
            // `mappings_changed` guards against them going away); the saved copy is a separate
            // mapping. See the module docs for why overwriting them is sound.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    (self.saved.addr + run.saved) as *const u8,
                    run.addr as *mut u8,
                    run.pages * PAGE,
                )
            };
        }
        std::sync::atomic::compiler_fence(Ordering::SeqCst);
        crate::alloc::after_reset(dirty_end);
        self.close_new_descriptors();
        Ok(())
    }

    /// Drops the pages of the snapshot's regions that were not present at the snapshot: they
    /// read as zeros (or the file's bytes) again, as they did then.
    fn drop_new_pages(&self) -> Result<(), String> {
        let runs = self.runs();
        for region in self.regions() {
            let saved = &runs[region.first..region.first + region.count];
            page_ranges(&self.pagemap, region.start, region.end, false, |s, e| {
                drop_unsaved(saved, s, e)
            })?;
        }
        Ok(())
    }

    /// Closes the descriptors a job opened: all of them with `close_range` where the sandbox
    /// allows it (without one), else one by one up to the descriptor limit (16 in the sandbox).
    fn close_new_descriptors(&self) {
        if self.fd_limit > SMALL_FD_LIMIT
            && crate::fork::close_descriptors_from(self.first_new_fd, &[]).is_ok()
        {
            return;
        }
        for fd in self.first_new_fd..self.fd_limit.min(SMALL_FD_LIMIT) {
            let _ = nix::unistd::close(fd);
        }
    }
}

/// Drops the pages of `[start, end)` that no run of `saved` (sorted) covers.
fn drop_unsaved(saved: &[Run], start: usize, end: usize) {
    let mut at = start;
    for run in saved {
        let (run_start, run_end) = (run.addr, run.addr + run.pages * PAGE);
        if run_end <= at {
            continue;
        }
        if run_start >= end {
            break;
        }
        if run_start > at {
            dont_need(at, run_start);
        }
        at = run_end;
        if at >= end {
            return;
        }
    }
    if at < end {
        dont_need(at, end);
    }
}

/// The zygote's heap regions (from [`share_heap`]; none in a worker of a zygote that did not).
fn shared_regions() -> impl Iterator<Item = (usize, usize)> + Clone {
    let count = SHARED_COUNT.load(Ordering::Acquire).min(MAX_REGIONS);
    (0..count).map(|i| {
        (
            SHARED[2 * i].load(Ordering::Relaxed),
            SHARED[2 * i + 1].load(Ordering::Relaxed),
        )
    })
}

/// `[start, end)` without `[cut_start, cut_end)`: up to two pieces.
fn split_out(
    start: usize,
    end: usize,
    cut_start: usize,
    cut_end: usize,
) -> [Option<(usize, usize)>; 2] {
    if cut_start >= cut_end || cut_end <= start || cut_start >= end {
        return [(start < end).then_some((start, end)), None];
    }
    [
        (start < cut_start).then_some((start, cut_start)),
        (cut_end < end).then_some((cut_end, end)),
    ]
}

/// Drops the worker's private copies of the zygote's heap pages: private pages (not the
/// file's) of the memfd mappings.
fn drop_private_heap_pages(pagemap: &File) -> Result<(), String> {
    for (start, end) in shared_regions() {
        page_ranges(pagemap, start, end, true, dont_need)?;
    }
    Ok(())
}

fn dont_need(start: usize, end: usize) {
    // SAFETY: `[start, end)` are pages of this process's own private mappings whose contents
    // are to go back to what they were at the snapshot (see the callers); MADV_DONTNEED on a
    // private mapping only drops this process's copies.
    unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED) };
}

/// The first field of `/proc/self/statm`: the address space's size in pages.
fn vm_pages(statm: &File) -> u64 {
    let mut buf = [0u8; 128];
    let Ok(n) = statm.read_at(&mut buf, 0) else {
        return u64::MAX;
    };
    std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse().ok())
        .unwrap_or(u64::MAX)
}

/// Opens `/proc/self/{maps,pagemap,statm}` for [`Snapshot::take`], before the sandbox forbids
/// opening files.
pub(crate) fn open_proc_files() -> Option<(File, File, File)> {
    let open = |name: &str| File::open(name).ok();
    Some((
        open("/proc/self/maps")?,
        open("/proc/self/pagemap")?,
        open("/proc/self/statm")?,
    ))
}

/// The descriptors of [`open_proc_files`], for the sandbox's keep list.
pub(crate) fn raw_fds(files: &(File, File, File)) -> [RawFd; 3] {
    [
        files.0.as_raw_fd(),
        files.1.as_raw_fd(),
        files.2.as_raw_fd(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_lines_parse() {
        let line = b"7f61e4000000-7f61e4400000 rw-p 00000000 00:00 0 ";
        let m = parse_maps_line(line).expect("parses");
        assert_eq!((m.start, m.end), (0x7f61e4000000, 0x7f61e4400000));
        assert!(m.writable_private && m.anonymous);
        let heap = parse_maps_line(b"5616f88b8000-5616f90b8000 rw-p 00000000 00:00 0   [heap]")
            .expect("parses");
        assert!(heap.anonymous);
        let file = parse_maps_line(
            b"7f7252c19000-7f7252c1b000 rw-p 001d3000 fe:00 326279  /usr/lib/libc.so.6",
        )
        .expect("parses");
        assert!(file.writable_private && !file.anonymous);
        let text =
            parse_maps_line(b"7f7252c19000-7f7252c1b000 r-xp 0 fe:00 1 /bin/x").expect("parses");
        assert!(!text.writable_private);
        let stack =
            parse_maps_line(b"7ffc98233000-7ffc98254000 rw-p 0 00:00 0 [stack]").expect("parses");
        assert!(!stack.anonymous);
    }

    #[test]
    fn both_page_walks_find_the_touched_pages_as_ranges() {
        let scratch = Scratch::new(16 * PAGE).expect("mmap");
        for page in [1, 2, 5] {
            // SAFETY: page `page` of the 16-page mapping just made, owned by this test.
            unsafe { *((scratch.addr + page * PAGE) as *mut u8) = 1 };
        }
        let pagemap = File::open("/proc/self/pagemap").expect("pagemap");
        let (start, end) = (scratch.addr, scratch.addr + 16 * PAGE);
        let expected = vec![
            (start + PAGE, start + 3 * PAGE),
            (start + 5 * PAGE, start + 6 * PAGE),
        ];
        let mut read = Vec::new();
        pagemap_ranges(&pagemap, start, end, false, |s, e| read.push((s, e))).expect("read");
        assert_eq!(read, expected);
        // Anonymous pages are nobody's file pages: private too.
        let mut private = Vec::new();
        pagemap_ranges(&pagemap, start, end, true, |s, e| private.push((s, e))).expect("read");
        assert_eq!(private, expected);
        let mut scanned = Vec::new();
        if scan_pages(&pagemap, start, end, false, |s, e| scanned.push((s, e))).is_some() {
            assert_eq!(scanned, expected);
        }
    }

    #[test]
    fn the_scan_ioctl_number_is_the_kernels() {
        // _IOWR('f', 16, struct pm_scan_arg), a 96-byte struct.
        assert_eq!(PAGEMAP_SCAN, 0xc060_6610);
    }

    #[test]
    fn split_out_cuts_the_middle() {
        assert_eq!(split_out(0, 100, 40, 60), [Some((0, 40)), Some((60, 100))]);
        assert_eq!(split_out(0, 100, 0, 0), [Some((0, 100)), None]);
        assert_eq!(split_out(0, 100, 100, 200), [Some((0, 100)), None]);
        assert_eq!(split_out(50, 100, 0, 200), [None, None]);
        assert_eq!(split_out(50, 100, 60, 200), [Some((50, 60)), None]);
    }
}
