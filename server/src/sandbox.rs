//! Who may submit jobs, and what a job can reach.
//!
//! - [`Access`]: the socket's peer-credential (`SO_PEERCRED`) check, and [`secure_socket`] for
//!   `--socket-mode`/`--socket-group`.
//! - The worker sandbox (`docs/security.md`). The zygote installs the wide part once
//!   ([`lock_down_zygote`]: `PR_SET_NO_NEW_PRIVS` and a seccomp-bpf allowlist of what jobs need
//!   plus what the zygote and a freshly forked worker still do), which every worker inherits;
//!   each worker then, after fork and before its first job, applies [`enter_worker`]
//!   (descriptors, then the `--user` identity) and [`lock_down`] (rlimits, then a short filter
//!   refusing what only the zygote needed). The two filters together allow exactly what one
//!   allowlist would, but a worker's own install is cheap: the kernel checks a new filter
//!   against every system call number (its action cache) while holding a lock, which for the
//!   whole allowlist cost about a third of a worker's start.
//! - [`selftest`]: the hidden `sandbox-selftest` subcommand, which applies the same sandbox to
//!   itself and tries what a job must not be able to do.

use nix::sys::resource::{setrlimit, Resource};
use nix::unistd::{Gid, Uid};
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};
use std::collections::BTreeMap;
use std::os::fd::{AsRawFd, RawFd};
use std::path::Path;
use std::process::ExitCode;

/// Who may submit jobs: root, the server's own uid, `--allow-uid`s, and peers whose primary
/// group is one of the `--allow-gid`s.
#[derive(Clone, Debug)]
pub struct Access {
    own_uid: u32,
    uids: Vec<u32>,
    gids: Vec<u32>,
}

impl Access {
    /// The policy of a server running as the current effective uid.
    pub fn new(uids: Vec<u32>, gids: Vec<u32>) -> Access {
        Access {
            own_uid: Uid::effective().as_raw(),
            uids,
            gids,
        }
    }

    /// Whether a peer with these credentials may submit; else the reason, naming them.
    pub(crate) fn check(&self, uid: u32, gid: u32) -> Result<(), String> {
        if uid == 0 || uid == self.own_uid || self.uids.contains(&uid) || self.gids.contains(&gid) {
            return Ok(());
        }
        let mut allowed = vec![format!("uid {}", self.own_uid)];
        if self.own_uid != 0 {
            allowed.push("uid 0".to_string());
        }
        allowed.extend(self.uids.iter().map(|u| format!("uid {u}")));
        allowed.extend(self.gids.iter().map(|g| format!("gid {g}")));
        Err(format!(
            "uid {uid} (gid {gid}) may not submit jobs to this server (allowed: {}; see --allow-uid, --allow-gid)",
            allowed.join(", ")
        ))
    }
}

/// Resolves `--socket-group`: a group name, or a numeric gid.
pub fn resolve_group(name: &str) -> Result<Gid, String> {
    if let Ok(gid) = name.parse::<u32>() {
        return Ok(Gid::from_raw(gid));
    }
    match nix::unistd::Group::from_name(name) {
        Ok(Some(group)) => Ok(group.gid),
        Ok(None) => Err(format!("--socket-group: no group named {name:?}")),
        Err(e) => Err(format!("--socket-group {name:?}: {e}")),
    }
}

/// Applies `--socket-mode` and `--socket-group` to the bound socket file.
pub(crate) fn secure_socket(
    path: &Path,
    mode: Option<u32>,
    group: Option<Gid>,
) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    if let Some(gid) = group {
        nix::unistd::chown(path, None, Some(gid))
            .map_err(|e| format!("--socket-group: cannot chown {}: {e}", path.display()))?;
    }
    if let Some(mode) = mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(|e| format!("--socket-mode: cannot chmod {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Parses `--socket-mode`: octal permission bits (`660`, `0660`).
pub fn parse_mode(text: &str) -> Result<u32, String> {
    match u32::from_str_radix(text.trim_start_matches("0o"), 8) {
        Ok(mode) if mode <= 0o777 => Ok(mode),
        _ => Err(format!(
            "--socket-mode {text:?} is not an octal mode between 0 and 777"
        )),
    }
}

/// The worker sandbox's settings.
#[derive(Clone, Debug, Default)]
pub struct SandboxOptions {
    /// Whether workers are sandboxed (`--no-sandbox` turns it off).
    pub enabled: bool,
    /// `--user`: the account workers run as (only when the server runs as root).
    pub user: Option<String>,
    /// `--worker-cpu-seconds`: RLIMIT_CPU of each worker (0: none).
    pub cpu_seconds: u64,
}

/// The account a worker drops to: resolved in the zygote, where files may still be read.
#[derive(Clone, Debug)]
pub(crate) struct Identity {
    uid: Uid,
    gid: Gid,
    groups: Vec<Gid>,
}

/// Resolves `--user NAME` (or a numeric uid) with its primary and supplementary groups.
pub(crate) fn resolve_user(name: &str) -> Result<Identity, String> {
    let user = match name.parse::<u32>() {
        Ok(uid) => nix::unistd::User::from_uid(Uid::from_raw(uid)),
        Err(_) => nix::unistd::User::from_name(name),
    };
    let user = match user {
        Ok(Some(user)) => user,
        Ok(None) => return Err(format!("--user: no user named {name:?}")),
        Err(e) => return Err(format!("--user {name:?}: {e}")),
    };
    let groups = std::ffi::CString::new(user.name.as_bytes())
        .ok()
        .and_then(|c| nix::unistd::getgrouplist(&c, user.gid).ok())
        .unwrap_or_else(|| vec![user.gid]);
    Ok(Identity {
        uid: user.uid,
        gid: user.gid,
        groups,
    })
}

/// Checks `--user` before serving: it must name an account, and changing to another account
/// needs root.
pub fn check_user(name: &str) -> Result<(), String> {
    let identity = resolve_user(name)?;
    if !Uid::effective().is_root() && identity.uid != Uid::effective() {
        return Err(format!(
            "--user {name}: only a server started as root can run its workers as another user"
        ));
    }
    Ok(())
}

/// Step one, in a freshly forked worker that is still single-threaded: closes every
/// descriptor but `keep` (the job socket and what the worker itself opened), points 0, 1 and 2
/// at `/dev/null` (unless `stdio` is kept, for the self-test), and drops to `identity`.
pub(crate) fn enter_worker(
    keep: &[RawFd],
    keep_stdio: bool,
    identity: Option<&Identity>,
) -> Result<(), String> {
    let first = if keep_stdio {
        3
    } else {
        let null = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
            .map_err(|e| format!("cannot open /dev/null: {e}"))?;
        // 2 stays: a worker reports how it died there (a truncated image store file), and it
        // is the supervisor's log.
        for fd in 0..2 {
            if null.as_raw_fd() != fd {
                nix::unistd::dup2(null.as_raw_fd(), fd)
                    .map_err(|e| format!("cannot point descriptor {fd} at /dev/null: {e}"))?;
            }
        }
        if null.as_raw_fd() < 2 {
            // Now one of the standard descriptors: keep it open.
            std::mem::forget(null);
        }
        3
    };
    crate::fork::close_descriptors_from(first, keep)
        .map_err(|e| format!("cannot close inherited descriptors: {e}"))?;
    if let Some(identity) = identity {
        nix::unistd::setgroups(&identity.groups).map_err(|e| format!("setgroups: {e}"))?;
        nix::unistd::setgid(identity.gid).map_err(|e| format!("setgid: {e}"))?;
        nix::unistd::setuid(identity.uid).map_err(|e| format!("setuid: {e}"))?;
    }
    Ok(())
}

/// Most descriptors a sandboxed worker may have open (numbers below this).
const MAX_WORKER_FDS: u64 = 16;

/// The zygote's part, once after preloading (it and every worker it forks from then on):
/// `PR_SET_NO_NEW_PRIVS`, then the `clone3` filter and the zygote's allowlist, on every thread.
pub(crate) fn lock_down_zygote(filters: &Filters) -> Result<(), String> {
    nix::sys::prctl::set_no_new_privs().map_err(|e| format!("PR_SET_NO_NEW_PRIVS: {e}"))?;
    // The clone3 one first: installing a filter needs prctl and seccomp, which the zygote's
    // allows but a stricter one might not.
    seccompiler::apply_filter_all_threads(&filters.clone3).map_err(|e| format!("seccomp: {e}"))?;
    seccompiler::apply_filter_all_threads(&filters.zygote).map_err(|e| format!("seccomp: {e}"))
}

/// The worker's part, in a worker forked from a zygote that ran [`lock_down_zygote`], before
/// its first job: rlimits, then the worker filter on top of the inherited ones.
///
/// `threads`: whether the worker may still start threads (the compiler behind `exec`, `eval`
/// and `compile` runs on one). RLIMIT_NPROC counts threads too, so a worker that dropped to
/// another user keeps its limit then; root ignores RLIMIT_NPROC anyway, and the filter refuses
/// every new process whatever the limit.
pub(crate) fn lock_down(filters: &Filters, cpu_seconds: u64, threads: bool) -> Result<(), String> {
    let limit = |resource: Resource, soft: u64, hard: u64, name: &str| {
        setrlimit(resource, soft, hard).map_err(|e| format!("setrlimit({name}): {e}"))
    };
    // No new processes (root is exempt from RLIMIT_NPROC: the seccomp filter refuses them
    // anyway), no file growth, no core dumps, few descriptors.
    if !threads || Uid::current().is_root() {
        limit(Resource::RLIMIT_NPROC, 0, 0, "RLIMIT_NPROC")?;
    }
    // Under RLIMIT_FSIZE 0 a write to a regular file is SIGXFSZ: when stderr (the log the
    // worker's last words go to) is one, the limit is left as it was. No file can be opened,
    // so stderr is the only regular file a worker can hold.
    if !stderr_is_regular_file() {
        limit(Resource::RLIMIT_FSIZE, 0, 0, "RLIMIT_FSIZE")?;
    }
    limit(Resource::RLIMIT_CORE, 0, 0, "RLIMIT_CORE")?;
    limit(
        Resource::RLIMIT_NOFILE,
        MAX_WORKER_FDS,
        MAX_WORKER_FDS,
        "RLIMIT_NOFILE",
    )?;
    if cpu_seconds > 0 {
        // SIGXCPU at the soft limit, SIGKILL a second later.
        limit(
            Resource::RLIMIT_CPU,
            cpu_seconds,
            cpu_seconds.saturating_add(1),
            "RLIMIT_CPU",
        )?;
    }
    // The filter was compiled in the zygote, before this process had its pid.
    let mut program = filters.worker.clone();
    let own = nix::unistd::getpid().as_raw() as u32;
    for instruction in program.iter_mut() {
        if instruction.k == PID_PLACEHOLDER {
            instruction.k = own;
        }
    }
    // This thread only: the worker has no other (one started later, for the compiler,
    // inherits it).
    seccompiler::apply_filter(&program).map_err(|e| format!("seccomp: {e}"))
}

fn stderr_is_regular_file() -> bool {
    nix::sys::stat::fstat(2).is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFREG)
}

/// The system calls a worker makes once it serves jobs (found by running the corpus and the
/// demo under `strace -f`; see `docs/security.md`): memory, futexes, clocks, randomness, I/O on
/// descriptors it already holds, signals to itself, exit.
const ALLOWED: &[libc::c_long] = &[
    // I/O on descriptors already open (the job socket, /proc/self/statm, stdio on /dev/null).
    libc::SYS_read,
    libc::SYS_write,
    libc::SYS_readv,
    libc::SYS_writev,
    libc::SYS_pread64,
    libc::SYS_lseek,
    libc::SYS_recvfrom,
    libc::SYS_recvmsg,
    libc::SYS_sendto,
    libc::SYS_sendmsg,
    libc::SYS_close,
    libc::SYS_fcntl,
    libc::SYS_fstat,
    libc::SYS_ppoll,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_poll,
    // Waiting on descriptors the worker holds (asyncio's selector): an epoll instance is a
    // descriptor of its own and watches only descriptors already open.
    libc::SYS_epoll_create1,
    libc::SYS_epoll_ctl,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_epoll_wait,
    libc::SYS_epoll_pwait,
    // Memory: the worker's arena, thread stacks, the allocator.
    libc::SYS_mmap,
    libc::SYS_munmap,
    libc::SYS_mprotect,
    libc::SYS_mremap,
    libc::SYS_madvise,
    libc::SYS_brk,
    // Threads already running: waiting, thread exit, signal masks and handlers.
    libc::SYS_futex,
    libc::SYS_sched_yield,
    libc::SYS_sched_getaffinity,
    libc::SYS_set_robust_list,
    libc::SYS_rseq,
    libc::SYS_rt_sigprocmask,
    libc::SYS_rt_sigaction,
    libc::SYS_rt_sigreturn,
    libc::SYS_sigaltstack,
    libc::SYS_exit,
    libc::SYS_exit_group,
    // Clocks and time (usually the vDSO; the system calls are the fallback).
    libc::SYS_clock_gettime,
    libc::SYS_clock_getres,
    libc::SYS_clock_nanosleep,
    libc::SYS_nanosleep,
    libc::SYS_gettimeofday,
    // Randomness and harmless identity queries (os.urandom, random seeding, os.getpid,
    // os.uname).
    libc::SYS_getrandom,
    libc::SYS_getpid,
    libc::SYS_gettid,
    libc::SYS_getppid,
    libc::SYS_getuid,
    libc::SYS_geteuid,
    libc::SYS_getgid,
    libc::SYS_getegid,
    libc::SYS_uname,
    libc::SYS_getcwd,
    libc::SYS_getrlimit,
    libc::SYS_prlimit64,
    libc::SYS_getrusage,
];

/// What the zygote and a worker between fork and [`lock_down`] do beyond [`ALLOWED`]: the
/// zygote's fork loop (a socket pair per worker, reaping, killing workers at shutdown) and the
/// new worker's setup (`/proc/self/oom_score_adj` and `statm`, `/dev/null`, closing inherited
/// descriptors, `--user`, the parent-death signal, installing its own filter). The zygote's
/// filter allows them, together with `clone`, `tgkill` and `prctl` whatever their arguments;
/// the worker filter refuses all of them again.
const ZYGOTE_ONLY: &[libc::c_long] = &[
    libc::SYS_socketpair,
    libc::SYS_wait4,
    libc::SYS_kill,
    libc::SYS_openat,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_dup2,
    libc::SYS_dup3,
    libc::SYS_close_range,
    libc::SYS_newfstatat,
    libc::SYS_setgroups,
    libc::SYS_setgid,
    libc::SYS_setuid,
    libc::SYS_seccomp,
];

/// The compiled seccomp programs (see [`filters`]), compiled once in the zygote.
#[derive(Clone, Debug)]
pub(crate) struct Filters {
    /// Makes `clone3` fail with `ENOSYS`.
    clone3: BpfProgram,
    /// The zygote's allowlist.
    zygote: BpfProgram,
    /// What each worker adds, with [`PID_PLACEHOLDER`] for its pid.
    worker: BpfProgram,
}

impl Filters {
    /// Compiles the programs.
    pub(crate) fn new() -> Result<Filters, String> {
        filters()
    }
}

/// Stands for the worker's pid in the compiled filter (`tgkill` to itself only) until the
/// worker patches it in: above any pid the kernel hands out (at most 2^22), and no other
/// constant of the filter has this value.
const PID_PLACEHOLDER: u32 = 0x7fff_fff1;

/// The seccomp programs. Of several filters' answers the kernel takes the strictest, so a
/// worker, which has all three, may make a system call only if each allows it:
///
/// - `clone3`: makes `clone3` fail with `ENOSYS` (its flags are behind a pointer no filter can
///   read), so that the C library starts threads with `clone`, whose flags can be checked;
/// - `zygote`: allows [`ALLOWED`], [`ZYGOTE_ONLY`], `clone`, `tgkill`, `prctl` and `clone3`;
///   everything else fails with `EPERM`;
/// - `worker`: refuses with `EPERM` [`ZYGOTE_ONLY`], `clone` without `CLONE_THREAD` (a process,
///   never a thread), `tgkill` of another process than this one, `prctl` other than
///   `PR_SET_NAME` (thread names), and `socketpair` of another family than `AF_UNIX`; allows
///   everything else.
///
/// A worker can thus make [`ALLOWED`], `clone` of threads, `tgkill` of its own threads
/// (`abort`), `prctl(PR_SET_NAME)` and `socketpair(AF_UNIX, ...)`, and nothing else. The worker filter is short, and
/// installing it costs the kernel little: its action cache is built by running the new filter
/// for each system call the earlier ones always allow.
pub(crate) fn filters() -> Result<Filters, String> {
    let err = |e: seccompiler::BackendError| format!("seccomp filter: {e}");
    let arch =
        TargetArch::try_from(std::env::consts::ARCH).map_err(|e| format!("seccomp filter: {e}"))?;
    let compile = |f: SeccompFilter| -> Result<BpfProgram, String> {
        f.try_into().map_err(|e: seccompiler::BackendError| err(e))
    };
    let mut zygote_rules: BTreeMap<i64, Vec<SeccompRule>> = ALLOWED
        .iter()
        .chain(ZYGOTE_ONLY)
        .chain(&[
            libc::SYS_clone,
            libc::SYS_clone3,
            libc::SYS_tgkill,
            libc::SYS_prctl,
        ])
        .map(|&call| (call, Vec::new()))
        .collect();
    // One `ioctl`: `PAGEMAP_SCAN` on a pagemap descriptor, which only reads the caller's own
    // page tables (a `--isolate-mode reset` worker finds the pages a job wrote with it).
    zygote_rules.insert(
        libc::SYS_ioctl,
        vec![SeccompRule::new(vec![SeccompCondition::new(
            1,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Eq,
            crate::reset::PAGEMAP_SCAN & 0xffff_ffff,
        )
        .map_err(err)?])
        .map_err(err)?],
    );
    let zygote = SeccompFilter::new(
        zygote_rules,
        SeccompAction::Errno(libc::EPERM as u32),
        SeccompAction::Allow,
        arch,
    )
    .map_err(err)?;
    let mut worker_rules: BTreeMap<i64, Vec<SeccompRule>> =
        ZYGOTE_ONLY.iter().map(|&call| (call, Vec::new())).collect();
    // A connected pair of `AF_UNIX` sockets (asyncio's self-pipe) reaches nothing outside the
    // worker: each end can only talk to the other. Every other family stays refused.
    worker_rules.insert(
        libc::SYS_socketpair,
        vec![SeccompRule::new(vec![SeccompCondition::new(
            0,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Ne,
            libc::AF_UNIX as u64,
        )
        .map_err(err)?])
        .map_err(err)?],
    );
    let thread_flag = libc::CLONE_THREAD as u64;
    worker_rules.insert(
        libc::SYS_clone,
        vec![SeccompRule::new(vec![SeccompCondition::new(
            0,
            SeccompCmpArgLen::Qword,
            SeccompCmpOp::MaskedEq(thread_flag),
            0,
        )
        .map_err(err)?])
        .map_err(err)?],
    );
    worker_rules.insert(
        libc::SYS_tgkill,
        vec![SeccompRule::new(vec![SeccompCondition::new(
            0,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Ne,
            u64::from(PID_PLACEHOLDER),
        )
        .map_err(err)?])
        .map_err(err)?],
    );
    worker_rules.insert(
        libc::SYS_prctl,
        vec![SeccompRule::new(vec![SeccompCondition::new(
            0,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Ne,
            libc::PR_SET_NAME as u64,
        )
        .map_err(err)?])
        .map_err(err)?],
    );
    let worker = SeccompFilter::new(
        worker_rules,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::EPERM as u32),
        arch,
    )
    .map_err(err)?;
    let clone3 = SeccompFilter::new(
        [(libc::SYS_clone3, Vec::new())].into_iter().collect(),
        SeccompAction::Allow,
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch,
    )
    .map_err(err)?;
    Ok(Filters {
        clone3: compile(clone3)?,
        zygote: compile(zygote)?,
        worker: compile(worker)?,
    })
}

/// `permafrost sandbox-selftest`: forks a child that applies the worker sandbox to itself,
/// then tries to open a file, create a socket, fork and exec. Prints one line per attempt;
/// exits 0 only if every one failed.
pub fn selftest(user: Option<&str>) -> ExitCode {
    use std::io::{Read, Write};
    let identity = match user.map(resolve_user).transpose() {
        Ok(identity) => identity,
        Err(message) => {
            eprintln!("permafrost: {message}");
            return ExitCode::from(2);
        }
    };
    // The child's output goes through a pipe: under RLIMIT_FSIZE 0 it could not write to a
    // regular file that stdout may be.
    let (read_end, write_end) = match nix::unistd::pipe() {
        Ok(pipe) => pipe,
        Err(e) => {
            eprintln!("permafrost: pipe: {e}");
            return ExitCode::FAILURE;
        }
    };
    match crate::fork::fork() {
        Ok(crate::fork::Forked::Child) => {
            drop(read_end);
            for fd in [1, 2] {
                if nix::unistd::dup2(write_end.as_raw_fd(), fd).is_err() {
                    crate::fork::exit_now(70);
                }
            }
            drop(write_end);
            let code = sandboxed_attempts(identity.as_ref());
            let _ = std::io::stdout().flush();
            crate::fork::exit_now(code)
        }
        Ok(crate::fork::Forked::Parent(child)) => {
            drop(write_end);
            let mut output = Vec::new();
            let _ = std::fs::File::from(read_end).read_to_end(&mut output);
            let _ = std::io::stdout().write_all(&output);
            match nix::sys::wait::waitpid(child, None) {
                Ok(nix::sys::wait::WaitStatus::Exited(_, 0)) => ExitCode::SUCCESS,
                Ok(nix::sys::wait::WaitStatus::Exited(_, code)) => {
                    ExitCode::from(u8::try_from(code).unwrap_or(1))
                }
                other => {
                    println!("sandbox: the test process ended: {other:?}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("permafrost: fork: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The self-test's child: sandbox, then the forbidden calls. Returns the exit status. The
/// steps come in a worker's order: the zygote's filter, then descriptors and identity, then
/// the worker's own part.
fn sandboxed_attempts(identity: Option<&Identity>) -> i32 {
    let filters = match Filters::new() {
        Ok(filters) => filters,
        Err(message) => {
            println!("sandbox: {message}");
            return 1;
        }
    };
    if let Err(message) = lock_down_zygote(&filters) {
        println!("sandbox: {message}");
        return 1;
    }
    if let Err(message) = enter_worker(&[], true, identity) {
        println!("sandbox: {message}");
        return 1;
    }
    if let Err(message) = lock_down(&filters, 0, false) {
        println!("sandbox: {message}");
        return 1;
    }
    let mut escaped = 0;
    let mut report = |what: &str, outcome: Result<String, String>| match outcome {
        Ok(how) => {
            escaped += 1;
            println!("{what}: ALLOWED ({how})");
        }
        Err(error) => println!("{what}: refused ({error})"),
    };
    report(
        "open /etc/passwd",
        std::fs::File::open("/etc/passwd")
            .map(|_| "opened".to_string())
            .map_err(|e| e.to_string()),
    );
    report(
        "create /tmp file",
        std::fs::File::create(format!("/tmp/permafrost-selftest-{}", std::process::id()))
            .map(|_| "created".to_string())
            .map_err(|e| e.to_string()),
    );
    report(
        "socket AF_INET",
        nix::sys::socket::socket(
            nix::sys::socket::AddressFamily::Inet,
            nix::sys::socket::SockType::Stream,
            nix::sys::socket::SockFlag::empty(),
            None,
        )
        .map(|_| "created".to_string())
        .map_err(|e| e.desc().to_string()),
    );
    report(
        "socket AF_UNIX",
        nix::sys::socket::socket(
            nix::sys::socket::AddressFamily::Unix,
            nix::sys::socket::SockType::Stream,
            nix::sys::socket::SockFlag::empty(),
            None,
        )
        .map(|_| "created".to_string())
        .map_err(|e| e.desc().to_string()),
    );
    report(
        "fork",
        match crate::fork::fork() {
            Ok(crate::fork::Forked::Child) => crate::fork::exit_now(0),
            Ok(crate::fork::Forked::Parent(pid)) => Ok(format!("child {pid}")),
            Err(e) => Err(e.to_string()),
        },
    );
    report(
        "exec /bin/true",
        match nix::unistd::execv(c"/bin/true", &[c"true"]) {
            Err(e) => Err(e.desc().to_string()),
        },
    );
    report(
        "kill pid 1",
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(1), None)
            .map(|_| "signal 0 delivered".to_string())
            .map_err(|e| e.desc().to_string()),
    );
    if escaped == 0 {
        println!("sandbox: every forbidden call failed");
        0
    } else {
        println!("sandbox: {escaped} forbidden calls succeeded");
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_allows_root_self_and_listed() {
        let access = Access {
            own_uid: 1000,
            uids: vec![1001],
            gids: vec![50],
        };
        assert!(access.check(0, 0).is_ok());
        assert!(access.check(1000, 1000).is_ok());
        assert!(access.check(1001, 1001).is_ok());
        assert!(access.check(2000, 50).is_ok());
        let refused = access.check(65534, 65534).unwrap_err();
        assert!(refused.contains("uid 65534 (gid 65534)"), "{refused}");
        assert!(
            refused.contains("uid 1001") && refused.contains("gid 50"),
            "{refused}"
        );
    }

    #[test]
    fn modes_are_octal() {
        assert_eq!(parse_mode("660"), Ok(0o660));
        assert_eq!(parse_mode("0660"), Ok(0o660));
        assert!(parse_mode("999").is_err());
        assert!(parse_mode("1777").is_err());
    }

    #[test]
    fn the_filter_compiles() {
        let filters = filters().unwrap();
        assert!(!filters.zygote.is_empty() && !filters.clone3.is_empty());
        // The pid placeholder appears once (the tgkill rule), so patching it is exact.
        assert_eq!(
            filters
                .worker
                .iter()
                .filter(|i| i.k == PID_PLACEHOLDER)
                .count(),
            1
        );
        // Short enough to install cheaply in every worker.
        assert!(filters.worker.len() < 128, "{}", filters.worker.len());
    }
}
