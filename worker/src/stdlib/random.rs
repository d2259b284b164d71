//! The `_random` module: the `Random` type, a Mersenne Twister (MT19937) generator seeded,
//! drawn from and saved exactly as CPython's, so `random.py` (which subclasses it) yields
//! CPython's sequences for the same seed.

use super::{native_class, native_type, new_native, receiver};
use crate::value::heap::ObjRef;
use crate::value::num::{inst_base, num_of, Num};
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use num_bigint::{BigInt, Sign};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

static RANDOM: &[NativeFn] = &[
    NativeFn::new("Random", random_new),
    NativeFn::new("Random.__init__", random_init),
    NativeFn::new("Random.seed", random_seed),
    NativeFn::method("Random.random", random_random, Arity::NoArgs, None),
    NativeFn::method("Random.getrandbits", random_getrandbits, Arity::One, None),
    NativeFn::method("Random.getstate", random_getstate, Arity::NoArgs, None),
    NativeFn::method("Random.setstate", random_setstate, Arity::One, None),
];

/// Builds the `_random` module.
pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let random = native_type(vm, "_random.Random", None, RANDOM, false);
    super::new_module("_random", &[], &[("Random", Value::Obj(random))])
}

/// The generator's state: the 624-word vector and the position in it.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl NativeState for Mt {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let mt = &mut self.state;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit set assures a non-zero initial vector.
        mt[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

fn arg(a: &Args, i: usize) -> Value {
    a.get(i).cloned().unwrap_or(Value::None)
}

fn mt<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Mt> {
    receiver::<Mt>(vm, a, "_random.Random", method)
}

/// `Random.__new__`: an unseeded generator (all-zero state); `__init__` seeds it, as in
/// CPython, so a subclass overriding `__init__` may take any arguments.
fn random_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let native = native_class(vm, "_random.Random");
    let cls = super::new_cls(vm, a);
    Ok(new_native(
        cls,
        native,
        None,
        Mt {
            state: [0; N],
            index: 0,
        },
    ))
}

fn random_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mt(vm, a, "__init__")?;
    let own_init = {
        let cls = vm.type_of(&arg(a, 0));
        vm.lookup_class_attr(&cls, "__init__")
            .is_some_and(|f| f.is_native(&RANDOM[1]))
    };
    if own_init && !a.kw.is_empty() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed_with(vm, a, a.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn random_seed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mt(vm, a, "seed")?;
    if !a.kw.is_empty() {
        return Err(vm.type_error("Random.seed() takes no keyword arguments"));
    }
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "seed expected at most 1 argument, got {}",
            a.pos.len() - 1
        )));
    }
    seed_with(vm, a, a.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// The 32-bit words of `n`, least significant first (one zero word for 0).
fn key_of(n: &BigInt) -> Vec<u32> {
    let (_, mut words) = n.to_u32_digits();
    if words.is_empty() {
        words.push(0);
    }
    words
}

fn seed_with(vm: &mut Vm, a: &Args, seed: Value) -> PyResult<()> {
    let key: Vec<u32> = if matches!(seed, Value::None) {
        let mut buf = [0u8; N * 4];
        if !fill_urandom(&mut buf) {
            // No entropy source: the time and the process id, as CPython falls back to.
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let pid = std::process::id();
            let k = vec![t as u32, (t >> 32) as u32, pid, (t >> 64) as u32];
            mt(vm, a, "seed")?.init_by_array(&k);
            return Ok(());
        }
        buf.chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let int = inst_base(&seed).unwrap_or_else(|| seed.clone());
        match num_of(&int) {
            Some(Num::I(i)) => key_of(&BigInt::from(i.unsigned_abs())),
            Some(Num::B(b)) => key_of(&BigInt::from_biguint(Sign::Plus, b.magnitude().clone())),
            _ => {
                // Any other object seeds by its hash, read as an unsigned machine word.
                let h = vm.hash(&seed)? as u64;
                key_of(&BigInt::from(h))
            }
        }
    };
    mt(vm, a, "seed")?.init_by_array(&key);
    Ok(())
}

/// Fills `buf` from the kernel's entropy source.
fn fill_urandom(buf: &mut [u8]) -> bool {
    getrandom::getrandom(buf).is_ok()
}

fn random_random(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mt(vm, a, "random")?;
    let hi = (m.next_u32() >> 5) as f64;
    let lo = (m.next_u32() >> 6) as f64;
    Ok(Value::Float(
        (hi * 67_108_864.0 + lo) * (1.0 / 9_007_199_254_740_992.0),
    ))
}

fn random_getrandbits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mt(vm, a, "getrandbits")?;
    let kv = arg(a, 1);
    let k = match num_of(&kv) {
        Some(Num::F(_)) => {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"))
        }
        Some(Num::B(_)) => {
            return Err(vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        _ => vm.index_of(&kv)?,
    };
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(vm.err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let m = mt(vm, a, "getrandbits")?;
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        return Ok(Value::Int((m.next_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = m.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left -= 32;
    }
    Ok(Vm::int_from_big(BigInt::from_slice(Sign::Plus, &out)))
}

fn random_getstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let m = mt(vm, a, "getstate")?;
    let mut items: Vec<Value> = m.state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(m.index as i64));
    Ok(Vm::new_tuple(items))
}

fn random_setstate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    mt(vm, a, "setstate")?;
    let st = arg(a, 1);
    let items: Vec<Value> = match st.body() {
        Some(Object::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, v) in state.iter_mut().zip(&items) {
        let n = match num_of(v) {
            Some(Num::I(i)) if i < 0 => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "can't convert negative value to unsigned int",
                ))
            }
            Some(Num::I(i)) => i as u64,
            Some(Num::B(b)) if b.sign() == Sign::Minus => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "can't convert negative value to unsigned int",
                ))
            }
            Some(Num::B(_)) => {
                return Err(vm.err(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C unsigned long",
                ))
            }
            _ => {
                return Err(vm.type_error(format!(
                    "an integer is required (got type {})",
                    vm.type_name(v)
                )))
            }
        };
        // CPython keeps the low 32 bits of each word.
        *slot = n as u32;
    }
    let index = match num_of(&items[N]) {
        Some(Num::I(i)) => i,
        Some(Num::B(_)) => {
            return Err(vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            ))
        }
        _ => {
            return Err(vm.type_error(format!(
                "an integer is required (got type {})",
                vm.type_name(&items[N])
            )))
        }
    };
    if index < 0 || index > N as i64 {
        return Err(vm.value_error("invalid state"));
    }
    let m = mt(vm, a, "setstate")?;
    m.state = state;
    m.index = index as usize;
    Ok(Value::None)
}
