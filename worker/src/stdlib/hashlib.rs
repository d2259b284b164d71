//! `_hashlib`, the module `hashlib` and `hmac` prefer (CPython builds it on OpenSSL), here on
//! the same RustCrypto hashes as `_md5`/`_sha256`/...: `new`, the `openssl_*` constructors of
//! md5, sha1 and sha2, `pbkdf2_hmac` (RFC 8018, native so `hashlib` does not fall back to its
//! deprecated pure version), `scrypt` (RFC 7914, with OpenSSL's parameter and memory checks),
//! `compare_digest`, `get_fips_mode`. `hmac_new`/`hmac_digest`
//! answer `UnsupportedDigestmodError`, which sends `hmac` to its own implementation over
//! these hashes.

use super::hashes::{fixed_hasher_of, HmacHasher};
use crate::value::heap::ObjRef;
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

/// The algorithms and the builtin module providing each.
const ALGORITHMS: &[(&str, &str)] = &[
    ("md5", "_md5"),
    ("sha1", "_sha1"),
    ("sha224", "_sha256"),
    ("sha256", "_sha256"),
    ("sha384", "_sha512"),
    ("sha512", "_sha512"),
    ("sha3_224", "_sha3"),
    ("sha3_256", "_sha3"),
    ("sha3_384", "_sha3"),
    ("sha3_512", "_sha3"),
    ("shake_128", "_sha3"),
    ("shake_256", "_sha3"),
    ("blake2b", "_blake2"),
    ("blake2s", "_blake2"),
];

/// The key of `UnsupportedDigestmodError` in `Vm::native_types`.
const UNSUPPORTED: &str = "_hashlib.UnsupportedDigestmodError";

static FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("new", new),
    NativeFn::new("openssl_md5", |vm, a| by_name(vm, "md5", a)),
    NativeFn::new("openssl_sha1", |vm, a| by_name(vm, "sha1", a)),
    NativeFn::new("openssl_sha224", |vm, a| by_name(vm, "sha224", a)),
    NativeFn::new("openssl_sha256", |vm, a| by_name(vm, "sha256", a)),
    NativeFn::new("openssl_sha384", |vm, a| by_name(vm, "sha384", a)),
    NativeFn::new("openssl_sha512", |vm, a| by_name(vm, "sha512", a)),
    NativeFn::function(
        "pbkdf2_hmac",
        pbkdf2_hmac,
        Arity::Range(4, 5),
        Some(&["hash_name", "password", "salt", "iterations", "dklen"]),
    ),
    NativeFn::function(
        "scrypt",
        scrypt,
        Arity::Range(0, 1),
        Some(&["password", "salt", "n", "r", "p", "maxmem", "dklen"]),
    ),
    NativeFn::function("get_fips_mode", get_fips_mode, Arity::NoArgs, None),
    NativeFn::new("hmac_new", unsupported_digestmod),
    NativeFn::new("hmac_digest", unsupported_digestmod),
];

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let value_error = vm.exc_class(ExcKind::ValueError);
    let unsupported = super::exception_class(vm, UNSUPPORTED, vec![value_error]);
    vm.native_types.insert(UNSUPPORTED, unsupported.clone());
    let names: Vec<Value> = ALGORITHMS.iter().map(|(n, _)| Vm::str_val(*n)).collect();
    let frozenset_t = Value::Obj(
        vm.type_obj(crate::value::object::TypeKind::FrozenSet)
            .clone(),
    );
    let names = vm
        .call(&frozenset_t, &[Vm::new_list(names)], &[])
        .unwrap_or(Value::None);
    let mut constants = vec![
        ("openssl_md_meth_names", names),
        ("UnsupportedDigestmodError", Value::Obj(unsupported)),
    ];
    if let Some(cd) = NativeFn::find(super::operator::FUNCTIONS, "_compare_digest") {
        constants.push(("compare_digest", Value::Native(cd)));
    }
    super::new_module("_hashlib", FUNCTIONS, &constants)
}

/// The builtin constructor of algorithm `name`, if there is one.
fn constructor(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let lower = name.to_ascii_lowercase();
    let Some((algo, module)) = ALGORITHMS.iter().find(|(n, _)| *n == lower) else {
        return Ok(None);
    };
    let m = vm.import_module(module)?;
    Ok(Some(vm.getattr(&m, &Vm::str_val(*algo))?))
}

/// Calls the builtin constructor of `name` with this call's arguments.
fn by_name(vm: &mut Vm, name: &str, a: &Args) -> PyResult<Value> {
    match constructor(vm, name)? {
        Some(c) => vm.call(&c, a.raw, a.kwnames),
        None => Err(vm.value_error(format!("unsupported hash type {name}"))),
    }
}

/// `new(name, data=b'', *, usedforsecurity=True)`.
fn new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(name_v) = a.arg(0, "name") else {
        return Err(vm.type_error("new() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = name_v.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "new() argument 'name' must be str, not {}",
            vm.type_name(name_v)
        )));
    };
    let mut raw: Vec<Value> = Vec::new();
    let mut kwnames: Vec<Value> = Vec::new();
    if let Some(d) = a.get(1).or_else(|| a.kw("data")).or_else(|| a.kw("string")) {
        raw.push(d.clone());
    }
    if let Some(u) = a.kw("usedforsecurity") {
        raw.push(u.clone());
        kwnames.push(Vm::str_val("usedforsecurity"));
    }
    match constructor(vm, &name)? {
        Some(c) => vm.call(&c, &raw, &kwnames),
        None => Err(vm.value_error(format!("unsupported hash type {name}"))),
    }
}

fn get_fips_mode(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn unsupported_digestmod(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    unsupported(vm, "unsupported digestmod")
}

/// `UnsupportedDigestmodError(message)`.
fn unsupported(vm: &mut Vm, message: &str) -> PyResult<Value> {
    let cls = vm
        .native_types
        .get(UNSUPPORTED)
        .cloned()
        .unwrap_or_else(|| vm.exc_class(ExcKind::ValueError));
    Err(vm.make_exc(&cls, vec![Vm::str_val(message)]))
}

/// The bytes of a bytes-like argument, with CPython's error.
fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    crate::objects::bytearray::bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// HMAC's inner and outer states after absorbing the padded key (RFC 2104).
fn keyed(base: &HmacHasher, block: usize, key: &[u8]) -> (HmacHasher, HmacHasher) {
    let mut k = if key.len() > block {
        let mut h = base.clone();
        h.update(key);
        h.finish()
    } else {
        key.to_vec()
    };
    k.resize(block, 0);
    let mut inner = base.clone();
    let mut outer = base.clone();
    inner.update(&k.iter().map(|b| b ^ 0x36).collect::<Vec<u8>>());
    outer.update(&k.iter().map(|b| b ^ 0x5c).collect::<Vec<u8>>());
    (inner, outer)
}

fn hmac(inner: &HmacHasher, outer: &HmacHasher, msg: &[u8]) -> Vec<u8> {
    let mut i = inner.clone();
    i.update(msg);
    let mut o = outer.clone();
    o.update(&i.finish());
    o.finish()
}

/// `pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`.
fn pbkdf2_hmac(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name_v = a.arg(0, "hash_name").cloned().unwrap_or(Value::None);
    let Some(name) = name_v.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "pbkdf2_hmac() argument 'hash_name' must be str, not {}",
            vm.type_name(&name_v)
        )));
    };
    let password = buffer(vm, a.arg(1, "password").unwrap_or(&Value::None))?;
    let salt = buffer(vm, a.arg(2, "salt").unwrap_or(&Value::None))?;
    let iterations = vm.index_of(a.arg(3, "iterations").unwrap_or(&Value::None))?;
    if iterations < 1 {
        return Err(vm.value_error("iteration value must be greater than 0."));
    }
    if iterations > u32::MAX as i64 {
        return Err(vm.err(ExcKind::OverflowError, "iteration value is too great."));
    }
    // OpenSSL's words for a digest it does not know, as CPython reports them.
    let Some(ctor) = constructor(vm, &name)? else {
        return unsupported(vm, "[digital envelope routines] unsupported");
    };
    let sample = vm.call(&ctor, &[], &[])?;
    let Some((base, digest_size, block)) = fixed_hasher_of(&sample) else {
        return unsupported(vm, "[digital envelope routines] unsupported");
    };
    let dklen = match a.arg(4, "dklen") {
        None | Some(Value::None) => digest_size as i64,
        Some(d) => vm.index_of(d)?,
    };
    if dklen < 1 {
        return Err(vm.value_error("key length must be greater than 0."));
    }
    if dklen > u32::MAX as i64 {
        return Err(vm.err(ExcKind::OverflowError, "key length is too great."));
    }
    let (inner, outer) = keyed(&base, block, &password);
    let mut out = Vec::with_capacity(dklen as usize);
    let mut block_index: u32 = 1;
    while out.len() < dklen as usize {
        let mut first = salt.clone();
        first.extend_from_slice(&block_index.to_be_bytes());
        let mut u = hmac(&inner, &outer, &first);
        let mut t = u.clone();
        for _ in 1..iterations {
            u = hmac(&inner, &outer, &u);
            for (x, y) in t.iter_mut().zip(&u) {
                *x ^= y;
            }
        }
        out.extend_from_slice(&t);
        block_index = block_index.wrapping_add(1);
    }
    out.truncate(dklen as usize);
    Ok(Value::obj(crate::value::object::Object::Bytes(
        out.into_boxed_slice().into(),
    )))
}

// ----- scrypt (RFC 7914) -----

/// OpenSSL's default memory limit for `scrypt` (`maxmem=0`).
const SCRYPT_DEFAULT_MAXMEM: u64 = 32 * 1024 * 1024;

/// `scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64)`.
fn scrypt(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(password) = a.arg(0, "password") else {
        return Err(vm.type_error("scrypt() missing required argument 'password' (pos 1)"));
    };
    let password = buffer(vm, password)?;
    let salt = match a.kw("salt") {
        Some(v) if !matches!(v, Value::None) => buffer(vm, v)?,
        _ => return Err(vm.type_error("salt is required")),
    };
    let mut unsigned = |name: &str| -> PyResult<u64> {
        let message = format!("{name} is required and must be an unsigned int");
        match a.kw(name) {
            Some(v @ (Value::Int(_) | Value::Bool(_))) => {
                u64::try_from(vm.index_of(v)?).map_err(|_| vm.type_error(message))
            }
            Some(v) if matches!(v.body(), Some(crate::value::object::Object::BigInt(_))) => {
                Err(vm.err(ExcKind::OverflowError, message))
            }
            _ => Err(vm.type_error(message)),
        }
    };
    let n = unsigned("n")?;
    let r = unsigned("r")?;
    let p = unsigned("p")?;
    let int_max = i32::MAX as i64;
    let maxmem = match a.kw("maxmem") {
        None => 0,
        Some(v) => vm.index_of(v)?,
    };
    if !(0..=int_max).contains(&maxmem) {
        return Err(vm.value_error(format!(
            "maxmem must be positive and smaller than {int_max}"
        )));
    }
    let dklen = match a.kw("dklen") {
        None => 64,
        Some(v) => vm.index_of(v)?,
    };
    if !(1..=int_max).contains(&dklen) {
        return Err(vm.value_error(format!(
            "dklen must be greater than 0 and smaller than {int_max}"
        )));
    }
    if n < 2 || n & (n - 1) != 0 {
        return Err(vm.value_error("n must be a power of 2."));
    }
    // OpenSSL's checks: r and p positive, r·p below 2^30, N below 2^(16·r), then the memory
    // the work needs (128·r·p for B, 128·r·(N+2) for V) within `maxmem`.
    let invalid = || vm.value_error("Invalid parameter combination for n, r, p, maxmem.");
    if r == 0 || p == 0 || r.saturating_mul(p) >= 1 << 30 {
        return Err(invalid());
    }
    if 16 * r < 64 && n >= 1u64 << (16 * r) {
        return Err(invalid());
    }
    let limit = if maxmem == 0 {
        SCRYPT_DEFAULT_MAXMEM
    } else {
        maxmem as u64
    };
    let b_len = 128u64.saturating_mul(r).saturating_mul(p);
    let v_len = 128u64.saturating_mul(r).saturating_mul(n.saturating_add(2));
    if b_len > i32::MAX as u64 || b_len.saturating_add(v_len) > limit {
        return Err(vm.value_error("[digital envelope routines] memory limit exceeded"));
    }
    let (n, r) = (n as usize, r as usize);
    let mut b = pbkdf2_sha256_once(&password, &salt, b_len as usize);
    for chunk in b.chunks_mut(128 * r) {
        ro_mix(chunk, n, r);
    }
    let out = pbkdf2_sha256_once(&password, &b, dklen as usize);
    Ok(Value::obj(crate::value::object::Object::Bytes(
        out.into_boxed_slice().into(),
    )))
}

fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for part in parts {
        h.update(part);
    }
    h.finalize().into()
}

/// PBKDF2-HMAC-SHA256 with one iteration, as scrypt uses it.
fn pbkdf2_sha256_once(password: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    let mut key = [0u8; 64];
    if password.len() > 64 {
        key[..32].copy_from_slice(&sha256(&[password]));
    } else {
        key[..password.len()].copy_from_slice(password);
    }
    let inner_pad: Vec<u8> = key.iter().map(|k| k ^ 0x36).collect();
    let outer_pad: Vec<u8> = key.iter().map(|k| k ^ 0x5c).collect();
    let mut out = Vec::with_capacity(len + 32);
    let mut index: u32 = 1;
    while out.len() < len {
        let inner = sha256(&[&inner_pad, salt, &index.to_be_bytes()]);
        out.extend_from_slice(&sha256(&[&outer_pad, &inner]));
        index = index.wrapping_add(1);
    }
    out.truncate(len);
    out
}

/// scryptROMix over one block of `128·r` bytes.
fn ro_mix(block: &mut [u8], n: usize, r: usize) {
    let words = 32 * r;
    let mut x: Vec<u32> = block
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let mut v = vec![0u32; words * n];
    let mut scratch = vec![0u32; words];
    for i in 0..n {
        v[i * words..(i + 1) * words].copy_from_slice(&x);
        block_mix(&mut x, &mut scratch, r);
    }
    for _ in 0..n {
        // Integerify: the first word of the last 64-byte block, modulo N (a power of two).
        let j = (x[(2 * r - 1) * 16] as usize) & (n - 1);
        for (a, b) in x.iter_mut().zip(&v[j * words..(j + 1) * words]) {
            *a ^= b;
        }
        block_mix(&mut x, &mut scratch, r);
    }
    for (c, w) in block.chunks_exact_mut(4).zip(&x) {
        c.copy_from_slice(&w.to_le_bytes());
    }
}

/// scryptBlockMix with Salsa20/8: the even outputs first, then the odd ones.
fn block_mix(b: &mut [u32], y: &mut [u32], r: usize) {
    let mut x = [0u32; 16];
    x.copy_from_slice(&b[(2 * r - 1) * 16..2 * r * 16]);
    for i in 0..2 * r {
        for (a, w) in x.iter_mut().zip(&b[i * 16..(i + 1) * 16]) {
            *a ^= w;
        }
        salsa20_8(&mut x);
        let at = if i % 2 == 0 { i / 2 } else { r + i / 2 };
        y[at * 16..(at + 1) * 16].copy_from_slice(&x);
    }
    b.copy_from_slice(y);
}

fn salsa20_8(block: &mut [u32; 16]) {
    let mut x = *block;
    let quarter = |x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize| {
        x[b] ^= x[a].wrapping_add(x[d]).rotate_left(7);
        x[c] ^= x[b].wrapping_add(x[a]).rotate_left(9);
        x[d] ^= x[c].wrapping_add(x[b]).rotate_left(13);
        x[a] ^= x[d].wrapping_add(x[c]).rotate_left(18);
    };
    for _ in 0..4 {
        quarter(&mut x, 0, 4, 8, 12);
        quarter(&mut x, 5, 9, 13, 1);
        quarter(&mut x, 10, 14, 2, 6);
        quarter(&mut x, 15, 3, 7, 11);
        quarter(&mut x, 0, 1, 2, 3);
        quarter(&mut x, 5, 6, 7, 4);
        quarter(&mut x, 10, 11, 8, 9);
        quarter(&mut x, 15, 12, 13, 14);
    }
    for (out, add) in block.iter_mut().zip(x) {
        *out = out.wrapping_add(add);
    }
}
