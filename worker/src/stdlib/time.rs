//! The `time` module: clocks (`time`, `monotonic`, `perf_counter`, `process_time` and their
//! `_ns` forms), `sleep`, the calendar conversions (`gmtime`, `localtime`, `mktime`), text
//! (`strftime` with glibc's directives in the C locale, `asctime`, `ctime`), `struct_time`,
//! the zone constants and `get_clock_info`. `strptime` is the pure `_strptime` module's.
//! The local zone is read from `TZ` or `/etc/localtime` (a TZif file); without one it is UTC.

use super::structseq::{self, STRUCT_TIME};
use crate::value::heap::ObjRef;
use crate::value::num::{inst_base, num_of, Num};
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

/// The functions of `time`.
pub(crate) static FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("time", time, Arity::NoArgs, None),
    NativeFn::function("time_ns", time_ns, Arity::NoArgs, None),
    NativeFn::function("monotonic", monotonic, Arity::NoArgs, None),
    NativeFn::function("monotonic_ns", monotonic_ns, Arity::NoArgs, None),
    NativeFn::function("perf_counter", monotonic, Arity::NoArgs, None),
    NativeFn::function("perf_counter_ns", monotonic_ns, Arity::NoArgs, None),
    NativeFn::function("process_time", process_time, Arity::NoArgs, None),
    NativeFn::function("process_time_ns", process_time_ns, Arity::NoArgs, None),
    NativeFn::function("thread_time", process_time, Arity::NoArgs, None),
    NativeFn::function("thread_time_ns", process_time_ns, Arity::NoArgs, None),
    NativeFn::function("sleep", sleep, Arity::One, None),
    NativeFn::function("gmtime", gmtime, Arity::Range(0, 1), None),
    NativeFn::function("localtime", localtime, Arity::Range(0, 1), None),
    NativeFn::function("mktime", mktime, Arity::One, None),
    NativeFn::function("strftime", strftime, Arity::Range(1, 2), None),
    NativeFn::function("asctime", asctime, Arity::Range(0, 1), None),
    NativeFn::function("ctime", ctime, Arity::Range(0, 1), None),
    NativeFn::function("get_clock_info", get_clock_info, Arity::One, None),
    NativeFn::function("strptime", strptime, Arity::Range(1, 2), None),
];

fn now_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn time(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Float(now_ns() as f64 / 1e9))
}

fn time_ns(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(now_ns() as i64))
}

/// Reads a clock in nanoseconds (0 if the clock is unavailable).
fn clock_nanos(clock: nix::time::ClockId) -> i64 {
    nix::time::clock_gettime(clock)
        .map(|t| t.tv_sec() * 1_000_000_000 + t.tv_nsec())
        .unwrap_or(0)
}

/// The monotonic clock in nanoseconds: `CLOCK_MONOTONIC`, as CPython (system-wide, so forked
/// workers continue the zygote's count; no file to read, so it works in a sandboxed worker).
fn monotonic_nanos() -> i64 {
    clock_nanos(nix::time::ClockId::CLOCK_MONOTONIC)
}

fn monotonic(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Float(monotonic_nanos() as f64 / 1e9))
}

fn monotonic_ns(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(monotonic_nanos()))
}

/// CPU time of the process (user + system): `CLOCK_PROCESS_CPUTIME_ID`, as CPython.
fn cpu_nanos() -> i64 {
    clock_nanos(nix::time::ClockId::CLOCK_PROCESS_CPUTIME_ID)
}

fn process_time(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Float(cpu_nanos() as f64 / 1e9))
}

fn process_time_ns(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(cpu_nanos()))
}

fn sleep(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let secs = match num_of(&a.pos[0]) {
        Some(Num::F(f)) if f.is_nan() => {
            return Err(vm.value_error("Invalid value NaN (not a number)"))
        }
        Some(n) => crate::value::num::num_to_f64(vm, &n)?,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&a.pos[0])
            )))
        }
    };
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs * 1e9 >= i64::MAX as f64 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    let span = std::time::Duration::from_secs_f64(secs);
    if vm.green.active() {
        // Other threads run meanwhile, as they would while CPython sleeps without the GIL.
        vm.sleep_until(std::time::Instant::now() + span)?;
    } else {
        std::thread::sleep(span);
    }
    Ok(Value::None)
}

// ----- calendar arithmetic -----

/// Days since 1970-01-01 of a proleptic Gregorian date (`month` 1..=12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count since 1970-01-01: (year, month 1..=12, day).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// A broken-down time, as C's `struct tm` but with Python's conventions: `mon` 1..=12,
/// `wday` 0 = Monday, `yday` 1..=366.
#[derive(Clone)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
    zone: Option<String>,
    gmtoff: i64,
}

fn tm_from_secs(t: i64, gmtoff: i64, isdst: i64, zone: String) -> Tm {
    let local = t + gmtoff;
    let days = local.div_euclid(86400);
    let rem = local.rem_euclid(86400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
        isdst,
        zone: Some(zone),
        gmtoff,
    }
}

// ----- the local zone -----

/// One local time type of the zone: UTC offset, DST flag, abbreviation.
#[derive(Clone)]
struct ZoneType {
    offset: i64,
    isdst: bool,
    abbr: String,
}

struct Zone {
    /// Transition instants and the type in force from each.
    transitions: Vec<(i64, usize)>,
    types: Vec<ZoneType>,
}

impl Zone {
    fn utc() -> Zone {
        Zone {
            transitions: Vec::new(),
            types: vec![ZoneType {
                offset: 0,
                isdst: false,
                abbr: "UTC".into(),
            }],
        }
    }

    /// The type in force at instant `t`.
    fn at(&self, t: i64) -> &ZoneType {
        let i = self.transitions.partition_point(|(when, _)| *when <= t);
        let idx = if i == 0 {
            // Before the first transition: the first standard-time type.
            self.types.iter().position(|z| !z.isdst).unwrap_or(0)
        } else {
            self.transitions[i - 1].1
        };
        &self.types[idx.min(self.types.len() - 1)]
    }
}

/// Reads a TZif file (its 64-bit section when present).
fn parse_tzif(d: &[u8]) -> Option<Zone> {
    if d.get(..4)? != b"TZif" {
        return None;
    }
    let be32 = |o: usize| -> Option<i64> {
        Some(i32::from_be_bytes(d.get(o..o + 4)?.try_into().ok()?) as i64)
    };
    let counts = |o: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, slot) in c.iter_mut().enumerate() {
            *slot = usize::try_from(be32(o + 20 + 4 * i)?).ok()?;
        }
        Some(c)
    };
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0)?;
    let (mut base, mut tsize) = (0usize, 4usize);
    let mut c = [isut, isstd, leap, timecnt, typecnt, charcnt];
    if d[4] >= b'2' {
        base = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
        c = counts(base)?;
        tsize = 8;
    }
    let [_, _, _, timecnt, typecnt, charcnt] = c;
    let mut o = base + 44;
    let mut times = Vec::with_capacity(timecnt);
    for i in 0..timecnt {
        let p = o + i * tsize;
        let t = if tsize == 8 {
            i64::from_be_bytes(d.get(p..p + 8)?.try_into().ok()?)
        } else {
            be32(p)?
        };
        times.push(t);
    }
    o += timecnt * tsize;
    let idx = d.get(o..o + timecnt)?;
    o += timecnt;
    let chars_at = o + typecnt * 6;
    let chars = d.get(chars_at..chars_at + charcnt)?;
    let mut types = Vec::with_capacity(typecnt);
    for i in 0..typecnt {
        let p = o + i * 6;
        let offset = be32(p)?;
        let isdst = *d.get(p + 4)? != 0;
        let ai = *d.get(p + 5)? as usize;
        let tail = chars.get(ai..).unwrap_or(&[]);
        let end = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
        types.push(ZoneType {
            offset,
            isdst,
            abbr: String::from_utf8_lossy(&tail[..end]).into_owned(),
        });
    }
    if types.is_empty() {
        return None;
    }
    let transitions = times
        .into_iter()
        .zip(idx.iter().map(|&i| i as usize))
        .filter(|(_, i)| *i < types.len())
        .collect();
    Some(Zone { transitions, types })
}

/// Reads the local zone now (in the zygote, before workers that may not open files fork).
pub(crate) fn load_zone() {
    zone();
}

/// The local zone, read once: `TZ` (a zone name or path) or `/etc/localtime`.
fn zone() -> &'static Zone {
    static ZONE: OnceLock<Zone> = OnceLock::new();
    ZONE.get_or_init(|| {
        let path = match std::env::var("TZ") {
            Ok(tz) if !tz.is_empty() => {
                let tz = tz.trim_start_matches(':');
                if tz.starts_with('/') {
                    tz.to_string()
                } else {
                    format!("/usr/share/zoneinfo/{tz}")
                }
            }
            _ => "/etc/localtime".to_string(),
        };
        std::fs::read(path)
            .ok()
            .and_then(|d| parse_tzif(&d))
            .unwrap_or_else(Zone::utc)
    })
}

fn local_tm(t: i64) -> Tm {
    let z = zone().at(t);
    tm_from_secs(t, z.offset, z.isdst as i64, z.abbr.clone())
}

/// The instant of local wall-clock `secs` (seconds since the epoch as if in UTC), as glibc's
/// `mktime` resolves it: a wall time repeated by a backward shift takes the type matching
/// `isdst` (standard time when -1), and one skipped by a forward shift takes the offset in
/// force before the shift; an `isdst` of 0 or 1 contradicting the zone applies the
/// offset of that kind of time.
fn local_to_utc(secs: i64, isdst: i64) -> i64 {
    let z = zone();
    let before = z.at(secs.saturating_sub(86400));
    let after = z.at(secs.saturating_add(86400));
    let valid: Vec<&ZoneType> = [before, after]
        .into_iter()
        .filter(|t| z.at(secs - t.offset).offset == t.offset)
        .collect();
    let chosen = match valid.as_slice() {
        [] => before,
        [one] => one,
        [a, b] if a.offset == b.offset => a,
        [a, b] => {
            let want_dst = isdst > 0;
            if a.isdst == want_dst {
                a
            } else {
                b
            }
        }
        [.., last] => last,
    };
    let want_dst = isdst > 0;
    if isdst < 0 || chosen.isdst == want_dst {
        return secs - chosen.offset;
    }
    // The hint asks for the other kind of time: use the offset of the nearest period of
    // that kind, or shift by an hour when the zone never has one.
    let nearest = z
        .transitions
        .iter()
        .filter(|(_, i)| z.types[*i].isdst == want_dst)
        .min_by_key(|(when, _)| (when - secs).unsigned_abs());
    match nearest {
        Some((_, i)) => secs - z.types[*i].offset,
        None => secs - chosen.offset - 3600 * (want_dst as i64 - chosen.isdst as i64),
    }
}

// ----- arguments -----

/// The seconds argument of `gmtime`/`localtime`/`ctime`, floored; now when absent or None.
fn secs_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i64> {
    let v = match v {
        None | Some(Value::None) => return Ok(now_ns().div_euclid(1_000_000_000) as i64),
        Some(v) => v,
    };
    let range = || {
        vm.err(
            ExcKind::OverflowError,
            "timestamp out of range for platform time_t",
        )
    };
    let base = inst_base(v);
    match num_of(base.as_ref().unwrap_or(v)) {
        Some(Num::I(i)) => Ok(i),
        Some(Num::B(_)) => Err(range()),
        Some(Num::F(f)) if f.is_nan() => Err(vm.value_error("Invalid value NaN (not a number)")),
        Some(Num::F(f)) => {
            let f = f.floor();
            if f >= -(i64::MIN as f64) || f < i64::MIN as f64 {
                Err(range())
            } else {
                Ok(f as i64)
            }
        }
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn struct_time(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    if tm.year - 1900 > i32::MAX as i64 || tm.year - 1900 < i32::MIN as i64 {
        let text = super::posix::message(75);
        return Err(crate::objects::exception::os_error(vm, 75, &text));
    }
    let cls = structseq::type_of(vm, &STRUCT_TIME);
    let mut values: Vec<Value> = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ]
    .iter()
    .map(|&i| Value::Int(i))
    .collect();
    values.push(tm.zone.clone().map_or(Value::None, Vm::str_val));
    values.push(Value::Int(tm.gmtoff));
    Ok(structseq::new(&cls, &STRUCT_TIME, values))
}

/// A time tuple argument (a 9-tuple or a `struct_time`), as `gettmarg` reads it.
fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let st_cls = structseq::type_of(vm, &STRUCT_TIME);
    let is_struct =
        matches!(v.body(), Some(Object::Instance(i)) if Vm::is_subclass(&i.class, &st_cls));
    let items: Vec<Value> = match v.body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        Some(Object::Instance(i)) => match i.base.body() {
            Some(Object::Tuple(t)) => t.to_vec(),
            _ => return Err(vm.type_error("Tuple or struct_time argument required")),
        },
        _ => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(items.iter()) {
        *slot = vm.ssize_of(item)?;
    }
    let (mut zone, mut gmtoff) = (None, 0);
    if is_struct {
        zone = vm
            .getattr_opt(v, "tm_zone")?
            .and_then(|z| z.as_str().map(str::to_string));
        if let Some(Value::Int(g)) = vm.getattr_opt(v, "tm_gmtoff")? {
            gmtoff = g;
        }
    }
    Ok(Tm {
        year: n[0],
        mon: n[1],
        mday: n[2],
        hour: n[3],
        min: n[4],
        sec: n[5],
        wday: n[6],
        yday: n[7],
        isdst: n[8],
        zone,
        gmtoff,
    })
}

/// CPython's `checktm`: each field in its C range (`mon` and `yday` as given, 1-based).
fn check_tm(vm: &Vm, tm: &Tm) -> PyResult<()> {
    let fail = |what: &str| Err(vm.value_error(format!("{what} out of range")));
    if !(1..=12).contains(&tm.mon) {
        return fail("month");
    }
    if !(1..=31).contains(&tm.mday) {
        return fail("day of month");
    }
    if !(0..=23).contains(&tm.hour) {
        return fail("hour");
    }
    if !(0..=59).contains(&tm.min) {
        return fail("minute");
    }
    if !(0..=61).contains(&tm.sec) {
        return fail("seconds");
    }
    // C's `%` keeps the sign: a Monday-based day below -1 is negative in C's numbering.
    if (tm.wday + 1) % 7 < 0 {
        return fail("day of week");
    }
    if !(1..=366).contains(&tm.yday) {
        return fail("day of year");
    }
    Ok(())
}

fn gmtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = secs_arg(vm, a.get(0))?;
    let mut tm = tm_from_secs(t, 0, 0, "GMT".into());
    tm.zone = Some("GMT".into());
    struct_time(vm, &tm)
}

fn localtime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = secs_arg(vm, a.get(0))?;
    struct_time(vm, &local_tm(t))
}

/// Seconds since the epoch of the wall-clock fields of `tm` read as UTC, normalising
/// out-of-range fields as C's `mktime` does.
fn wall_secs(tm: &Tm) -> Option<i64> {
    let m0 = tm.mon.checked_sub(1)?;
    let year = tm.year.checked_add(m0.div_euclid(12))?;
    if year.abs() > 1 << 40 {
        return None;
    }
    let days = days_from_civil(year, m0.rem_euclid(12) + 1, 1).checked_add(tm.mday - 1)?;
    days.checked_mul(86400)?
        .checked_add(tm.hour.checked_mul(3600)?)?
        .checked_add(tm.min.checked_mul(60)?)?
        .checked_add(tm.sec)
}

fn mktime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let tm = tm_arg(vm, &a.pos[0], "mktime")?;
    match wall_secs(&tm) {
        Some(s) if tm.year - 1900 <= i32::MAX as i64 && tm.year - 1900 >= i32::MIN as i64 => {
            Ok(Value::Float(local_to_utc(s, tm.isdst) as f64))
        }
        _ => Err(vm.err(ExcKind::OverflowError, "mktime argument out of range")),
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(tm: &Tm) -> &'static str {
    DAYS[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTHS[(tm.mon - 1).clamp(0, 11) as usize]
}

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let yday0 = tm.yday - 1;
    let wday = tm.wday.rem_euclid(7); // 0 = Monday
    let mut year = tm.year;
    let mut week = (yday0 - wday + 10) / 7;
    if week < 1 {
        year -= 1;
        let prev_days = if is_leap(year) { 366 } else { 365 };
        week = (yday0 + prev_days - wday + 10) / 7;
    } else {
        let days = if is_leap(year) { 366 } else { 365 };
        if week > 52 && yday0 - wday + 3 >= days {
            year += 1;
            week = 1;
        }
    }
    (year, week)
}

/// Formats `tm` as glibc's `strftime` does in the C locale (unknown directives are kept).
fn format_tm(fmt: &str, tm: &Tm, secs: &dyn Fn(&Tm) -> i64) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let h12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    let c_wday = (tm.wday + 1).rem_euclid(7); // 0 = Sunday
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match d {
            'a' => day_name(tm)[..3].to_string(),
            'A' => day_name(tm).to_string(),
            'b' | 'h' => month_name(tm)[..3].to_string(),
            'B' => month_name(tm).to_string(),
            'c' => format_tm("%a %b %e %H:%M:%S %Y", tm, secs),
            'C' => tm.year.div_euclid(100).to_string(),
            'd' => format!("{:02}", tm.mday),
            'D' | 'x' => format_tm("%m/%d/%y", tm, secs),
            'e' => format!("{:2}", tm.mday),
            'F' => format_tm("%Y-%m-%d", tm, secs),
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{h12:02}"),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{h12:2}"),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".into(),
            'p' => (if tm.hour < 12 { "AM" } else { "PM" }).into(),
            'P' => (if tm.hour < 12 { "am" } else { "pm" }).into(),
            'r' => format_tm("%I:%M:%S %p", tm, secs),
            'R' => format_tm("%H:%M", tm, secs),
            's' => secs(tm).to_string(),
            'S' => format!("{:02}", tm.sec),
            't' => "\t".into(),
            'T' | 'X' => format_tm("%H:%M:%S", tm, secs),
            'u' => (if c_wday == 0 { 7 } else { c_wday }).to_string(),
            'U' => format!("{:02}", (tm.yday - 1 + 7 - c_wday) / 7),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => c_wday.to_string(),
            'W' => format!("{:02}", (tm.yday - 1 + 7 - tm.wday.rem_euclid(7)) / 7),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => {
                let sign = if tm.gmtoff < 0 { '-' } else { '+' };
                let a = tm.gmtoff.abs() / 60;
                format!("{sign}{:02}{:02}", a / 60, a % 60)
            }
            'Z' => tm.zone.clone().unwrap_or_else(|| {
                let z = zone();
                let t = z.types.iter().find(|t| t.isdst == (tm.isdst > 0));
                t.map_or_else(|| "UTC".to_string(), |t| t.abbr.clone())
            }),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn strftime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(fmt) = a.pos[0].as_str() else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&a.pos[0])
        )));
    };
    let mut tm = match a.get(1) {
        Some(t) => tm_arg(vm, t, "strftime")?,
        None => local_tm(secs_arg(vm, None)?),
    };
    // Zero means "the first" for the 1-based fields, as CPython normalises them.
    for f in [&mut tm.mon, &mut tm.mday, &mut tm.yday] {
        if *f == 0 {
            *f = 1;
        }
    }
    check_tm(vm, &tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let text = format_tm(fmt, &tm, &|tm| {
        wall_secs(tm).map_or(-1, |s| local_to_utc(s, tm.isdst))
    });
    Ok(Vm::str_val(text))
}

fn asctime_text(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &day_name(tm)[..3],
        &month_name(tm)[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn asctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let tm = match a.get(0) {
        Some(t) => tm_arg(vm, t, "asctime")?,
        None => local_tm(secs_arg(vm, None)?),
    };
    let mut checked = tm.clone();
    if checked.yday == 0 {
        checked.yday = 1;
    }
    check_tm(vm, &checked)?;
    Ok(Vm::str_val(asctime_text(&tm)))
}

fn ctime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let t = secs_arg(vm, a.get(0))?;
    Ok(Vm::str_val(asctime_text(&local_tm(t))))
}

/// `get_clock_info(name)`: a namespace with the clock's `implementation`, `monotonic`,
/// `adjustable` and `resolution`.
fn get_clock_info(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = a.pos[0].as_str().unwrap_or("");
    let (implementation, monotonic, adjustable) = match name {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    Ok(super::sys::namespace(
        vm,
        &[
            ("implementation", Vm::str_val(implementation)),
            ("monotonic", Value::Bool(monotonic)),
            ("adjustable", Value::Bool(adjustable)),
            ("resolution", Value::Float(1e-09)),
        ],
    ))
}

/// `strptime(string, format)`: the pure `_strptime` module's.
fn strptime(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let module = vm.import_module("_strptime")?;
    let f = vm.getattr(&module, &Vm::str_val("_strptime_time"))?;
    vm.call(&f, a.pos, &[])
}

/// Builds `time`: [`FUNCTIONS`], `struct_time` and the zone constants.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let st = structseq::type_of(vm, &STRUCT_TIME);
    // CPython takes the zone's names and offsets from January and July of the current year.
    let now = now_ns().div_euclid(1_000_000_000) as i64;
    let year = local_tm(now).year;
    let jan = local_tm(local_to_utc(days_from_civil(year, 1, 1) * 86400, -1));
    let jul = local_tm(local_to_utc(days_from_civil(year, 7, 1) * 86400, -1));
    let (winter, summer) = if jan.gmtoff <= jul.gmtoff || jan.isdst == 0 {
        (jan, jul)
    } else {
        (jul, jan)
    };
    let daylight = winter.gmtoff != summer.gmtoff;
    let tzname = Vm::new_tuple(vec![
        Vm::str_val(winter.zone.clone().unwrap_or_default()),
        Vm::str_val(summer.zone.clone().unwrap_or_default()),
    ]);
    super::new_module(
        "time",
        FUNCTIONS,
        &[
            ("struct_time", Value::Obj(st)),
            ("timezone", Value::Int(-winter.gmtoff)),
            ("altzone", Value::Int(-summer.gmtoff)),
            ("daylight", Value::Int(daylight as i64)),
            ("tzname", tzname),
            ("_STRUCT_TM_ITEMS", Value::Int(11)),
            ("CLOCK_REALTIME", Value::Int(0)),
            ("CLOCK_MONOTONIC", Value::Int(1)),
            ("CLOCK_PROCESS_CPUTIME_ID", Value::Int(2)),
            ("CLOCK_THREAD_CPUTIME_ID", Value::Int(3)),
        ],
    )
}
