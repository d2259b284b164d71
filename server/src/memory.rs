//! The memory report behind `{"op":"stats"}` and `permafrost stats`.
//!
//! Two sources, both readable by the supervisor because the zygote and the workers are its
//! descendants running as the same user:
//!
//! - `/proc/PID/smaps` (through procfs): Rss, Pss, Private/Shared Clean/Dirty of every mapping,
//!   summed per region. Regions: `image` (the image mapping: its address range is the same in
//!   every process, since the workers inherit it), `heap` (`[heap]` and every anonymous
//!   mapping: malloc arenas, the worker's own arena), `stack` (`[stack]`) and `other` (the
//!   binary, shared libraries, vdso, ...).
//! - `/proc/PID/pagemap`: one 64-bit entry per virtual page. Bit 63 is "present", bit 56 is
//!   "exclusively mapped" (the page's map count is 1). Over the anonymous writable ranges the
//!   zygote had when it became ready (the ranges every worker inherits), a page present in the
//!   zygote and present in the worker is *inherited*; if the worker's entry has bit 56 set it
//!   is no longer shared with the zygote, i.e. the worker has *copied* it (copy-on-write). The
//!   zygote never writes after forking its first worker, so a shared page stays shared until
//!   the worker itself writes to it.

use procfs::process::{MMapPath, Process};
use serde_json::{json, Value};
use std::fs::File;
use std::os::unix::fs::FileExt;

/// A worker as the pool sees it.
#[derive(Clone, Debug)]
pub(crate) struct WorkerSnapshot {
    pub pid: i32,
    pub jobs_done: u64,
    pub state: &'static str,
}

/// Everything the report needs, taken from the pool at the moment of the request.
#[derive(Clone, Debug)]
pub(crate) struct StatsSnapshot {
    pub layout: &'static str,
    pub image_path: String,
    pub image_bytes: u64,
    pub code_objects: u32,
    pub image_range: (u64, u64),
    pub zygote_pid: i32,
    pub inherited: std::sync::Arc<Vec<(u64, u64)>>,
    pub workers: Vec<WorkerSnapshot>,
}

/// The six smaps figures, in KiB.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Figures {
    pub rss_kb: u64,
    pub pss_kb: u64,
    pub private_clean_kb: u64,
    pub private_dirty_kb: u64,
    pub shared_clean_kb: u64,
    pub shared_dirty_kb: u64,
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        self.rss_kb += other.rss_kb;
        self.pss_kb += other.pss_kb;
        self.private_clean_kb += other.private_clean_kb;
        self.private_dirty_kb += other.private_dirty_kb;
        self.shared_clean_kb += other.shared_clean_kb;
        self.shared_dirty_kb += other.shared_dirty_kb;
    }

    fn to_json(self) -> Value {
        json!({
            "rss_kb": self.rss_kb,
            "pss_kb": self.pss_kb,
            "private_clean_kb": self.private_clean_kb,
            "private_dirty_kb": self.private_dirty_kb,
            "shared_clean_kb": self.shared_clean_kb,
            "shared_dirty_kb": self.shared_dirty_kb,
        })
    }
}

/// A process's memory by region.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Regions {
    pub total: Figures,
    pub image: Figures,
    pub heap: Figures,
    pub stack: Figures,
    pub other: Figures,
}

impl Regions {
    fn to_json(self) -> Value {
        json!({
            "total": self.total.to_json(),
            "image": self.image.to_json(),
            "heap": self.heap.to_json(),
            "stack": self.stack.to_json(),
            "other": self.other.to_json(),
        })
    }
}

/// Reads `/proc/PID/smaps` and sums it per region.
pub(crate) fn regions(pid: i32, image_range: (u64, u64)) -> Result<Regions, String> {
    let process = Process::new(pid).map_err(|e| format!("process {pid}: {e}"))?;
    let maps = process
        .smaps()
        .map_err(|e| format!("/proc/{pid}/smaps: {e}"))?;
    let mut regions = Regions::default();
    for map in maps.iter() {
        let field = |name: &str| map.extension.map.get(name).copied().unwrap_or(0) / 1024;
        let figures = Figures {
            rss_kb: field("Rss"),
            pss_kb: field("Pss"),
            private_clean_kb: field("Private_Clean"),
            private_dirty_kb: field("Private_Dirty"),
            shared_clean_kb: field("Shared_Clean"),
            shared_dirty_kb: field("Shared_Dirty"),
        };
        let (start, end) = map.address;
        let region = if start < image_range.1 && end > image_range.0 {
            &mut regions.image
        } else {
            match map.pathname {
                MMapPath::Stack => &mut regions.stack,
                MMapPath::Heap | MMapPath::Anonymous => &mut regions.heap,
                _ => &mut regions.other,
            }
        };
        region.add(&figures);
        regions.total.add(&figures);
    }
    Ok(regions)
}

const PRESENT: u64 = 1 << 63;
const EXCLUSIVE: u64 = 1 << 56;

/// The pagemap entries of `[start, end)` in process `pid`.
fn pagemap(file: &File, start: u64, end: u64, page: u64) -> std::io::Result<Vec<u64>> {
    let pages = ((end - start) / page) as usize;
    let mut bytes = vec![0u8; pages * 8];
    let mut filled = 0;
    while filled < bytes.len() {
        let offset = (start / page) * 8 + filled as u64;
        let n = file.read_at(&mut bytes[filled..], offset)?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|chunk| {
            // chunks_exact(8) yields 8-byte slices, so the conversion cannot fail.
            u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))
        })
        .collect())
}

/// Which pages of `ranges` are present in the zygote, one bitmap per range.
fn zygote_presence(
    zygote: i32,
    ranges: &[(u64, u64)],
    page: u64,
) -> Result<Vec<Vec<bool>>, String> {
    let file = File::open(format!("/proc/{zygote}/pagemap"))
        .map_err(|e| format!("/proc/{zygote}/pagemap: {e}"))?;
    ranges
        .iter()
        .map(|&(start, end)| {
            pagemap(&file, start, end, page)
                .map(|entries| entries.iter().map(|e| e & PRESENT != 0).collect())
                .map_err(|e| format!("/proc/{zygote}/pagemap: {e}"))
        })
        .collect()
}

/// `(inherited_pages, copied_pages)` of a worker (see the module documentation).
pub(crate) fn cow_pages(
    worker: i32,
    ranges: &[(u64, u64)],
    zygote_present: &[Vec<bool>],
    page: u64,
) -> Result<(u64, u64), String> {
    let file = File::open(format!("/proc/{worker}/pagemap"))
        .map_err(|e| format!("/proc/{worker}/pagemap: {e}"))?;
    let mut inherited = 0;
    let mut copied = 0;
    for (&(start, end), in_zygote) in ranges.iter().zip(zygote_present) {
        let entries =
            pagemap(&file, start, end, page).map_err(|e| format!("/proc/{worker}/pagemap: {e}"))?;
        for (entry, &was_there) in entries.iter().zip(in_zygote) {
            if !was_there || entry & PRESENT == 0 {
                continue;
            }
            inherited += 1;
            if entry & EXCLUSIVE != 0 {
                copied += 1;
            }
        }
    }
    Ok((inherited, copied))
}

/// The full stats object (`docs/protocol.md`). Workers that vanish while being read are left
/// out; an unreadable zygote yields zeroed figures rather than no report.
pub(crate) fn collect(snapshot: &StatsSnapshot) -> Value {
    let page = procfs::page_size();
    let mut totals = Figures::default();
    let zygote_memory = regions(snapshot.zygote_pid, snapshot.image_range).unwrap_or_default();
    totals.add(&zygote_memory.total);
    let presence = zygote_presence(snapshot.zygote_pid, &snapshot.inherited, page)
        .unwrap_or_else(|_| snapshot.inherited.iter().map(|_| Vec::new()).collect());
    let mut workers = Vec::new();
    for worker in &snapshot.workers {
        let Ok(memory) = regions(worker.pid, snapshot.image_range) else {
            continue;
        };
        let (inherited, copied) =
            cow_pages(worker.pid, &snapshot.inherited, &presence, page).unwrap_or((0, 0));
        totals.add(&memory.total);
        workers.push(json!({
            "pid": worker.pid,
            "jobs_done": worker.jobs_done,
            "state": worker.state,
            "memory": memory.to_json(),
            "cow": {"inherited_pages": inherited, "copied_pages": copied},
        }));
    }
    json!({
        "layout": snapshot.layout,
        "image": {
            "path": snapshot.image_path,
            "bytes": snapshot.image_bytes,
            "code_objects": snapshot.code_objects,
            "store": store_report(snapshot.zygote_pid, snapshot.image_range.0),
        },
        "zygote": {"pid": snapshot.zygote_pid, "memory": zygote_memory.to_json()},
        "workers": workers,
        "totals": {"pss_kb": totals.pss_kb, "private_dirty_kb": totals.private_dirty_kb},
    })
}

/// The store file the zygote maps at `start` and how many processes on the host map it
/// (`null` if the zygote's maps cannot be read).
fn store_report(zygote: i32, start: u64) -> Value {
    let Some((id, path)) = crate::store::mapped_file_at(zygote, start) else {
        return Value::Null;
    };
    let pids = crate::store::mappers(std::slice::from_ref(&id))
        .remove(&id)
        .unwrap_or_default();
    json!({
        "file": path,
        "device": id.device,
        "inode": id.inode,
        "mappers": pids.len(),
        "mapper_pids": pids,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_process_regions_add_up() {
        let pid = std::process::id() as i32;
        let regions = regions(pid, (0, 0)).expect("own smaps readable");
        let parts = [regions.image, regions.heap, regions.stack, regions.other];
        let rss: u64 = parts.iter().map(|f| f.rss_kb).sum();
        assert_eq!(rss, regions.total.rss_kb);
        assert!(regions.total.rss_kb > 0);
        assert!(regions.stack.rss_kb > 0, "the main stack is resident");
        assert_eq!(regions.image, Figures::default());
    }

    #[test]
    fn own_pages_are_exclusive_after_writing() {
        // A page this process wrote and never shared is present and exclusively mapped.
        let page = procfs::page_size();
        let mut buffer = vec![1u8; 16 * page as usize];
        buffer.iter_mut().for_each(|b| *b = 7);
        let start = (buffer.as_ptr() as u64).next_multiple_of(page);
        let end = start + 8 * page;
        let pid = std::process::id() as i32;
        let presence = zygote_presence(pid, &[(start, end)], page).expect("own pagemap");
        assert!(presence[0].iter().all(|&p| p));
        let (inherited, copied) =
            cow_pages(pid, &[(start, end)], &presence, page).expect("own pagemap");
        assert_eq!(inherited, 8);
        assert_eq!(copied, 8);
        assert_eq!(buffer[0], 7);
    }
}
