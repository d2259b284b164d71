//! The message-digest modules `hashlib` falls back to without `_hashlib`: `_md5`, `_sha1`,
//! `_sha256` (sha224, sha256), `_sha512` (sha384, sha512), `_sha3` (sha3_*, shake_*) and
//! `_blake2` (blake2b, blake2s with digest size, key, salt and person), on the RustCrypto
//! implementations. One hash object type per algorithm, named as CPython's.

use super::{add_property, native_class, native_type, new_native, parse_args, receiver, READONLY};
use crate::value::heap::ObjRef;
use crate::value::object::{NativeState, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};
use blake2::{Blake2bVarCore, Blake2sVarCore};
use digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use digest::{DynDigest, ExtendableOutput, Update, XofReader};

/// A blake2 state run through its core, so any digest size, key, salt and person apply.
macro_rules! blake_state {
    ($name:ident, $core:ty, $block:expr) => {
        #[derive(Clone)]
        struct $name {
            core: $core,
            buffer: Buffer<$core>,
            size: usize,
        }

        impl $name {
            fn new(p: &BlakeParams) -> $name {
                let core = <$core>::new_with_params(&p.salt, &p.person, p.key.len(), p.size);
                let mut b = $name {
                    core,
                    buffer: Default::default(),
                    size: p.size,
                };
                if !p.key.is_empty() {
                    // A keyed hash starts with the key padded to a whole block.
                    let mut k = p.key.clone();
                    k.resize($block, 0);
                    b.update(&k);
                }
                b
            }

            fn update(&mut self, data: &[u8]) {
                let Self { core, buffer, .. } = self;
                buffer.digest_blocks(data, |blocks| core.update_blocks(blocks));
            }

            fn digest(&self) -> Vec<u8> {
                let mut c = self.clone();
                let mut full = Default::default();
                c.core.finalize_variable_core(&mut c.buffer, &mut full);
                let full: &[u8] = &full;
                full[..self.size].to_vec()
            }
        }
    };
}

blake_state!(Blake2b, Blake2bVarCore, 128);
blake_state!(Blake2s, Blake2sVarCore, 64);

enum Hasher {
    Fixed(Box<dyn DynDigest>),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Box<Blake2b>),
    Blake2s(Box<Blake2s>),
}

impl Clone for Hasher {
    fn clone(&self) -> Hasher {
        match self {
            Hasher::Fixed(d) => Hasher::Fixed(d.box_clone()),
            Hasher::Shake128(s) => Hasher::Shake128(s.clone()),
            Hasher::Shake256(s) => Hasher::Shake256(s.clone()),
            Hasher::Blake2b(b) => Hasher::Blake2b(b.clone()),
            Hasher::Blake2s(b) => Hasher::Blake2s(b.clone()),
        }
    }
}

/// A hash object.
struct Hash {
    /// The algorithm's name, also the native type's key (`_sha512.sha512`).
    key: &'static str,
    hasher: Hasher,
    digest_size: usize,
    block_size: usize,
}

impl NativeState for Hash {
    fn visit(&self, _f: &mut dyn FnMut(&Value)) {}
}

impl Hash {
    fn name(&self) -> &'static str {
        self.key.rsplit_once('.').map_or(self.key, |(_, n)| n)
    }

    fn update(&mut self, data: &[u8]) {
        self.hasher.update(data);
    }

    /// The digest (of `len` bytes for a shake).
    fn digest(&self, len: usize) -> Vec<u8> {
        self.hasher.digest(len)
    }
}

impl Hasher {
    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Fixed(d) => d.update(data),
            Hasher::Shake128(s) => Update::update(s, data),
            Hasher::Shake256(s) => Update::update(s, data),
            Hasher::Blake2b(b) => b.update(data),
            Hasher::Blake2s(b) => b.update(data),
        }
    }

    /// The digest of what was fed so far (of `len` bytes for a shake); the state goes on.
    fn digest(&self, len: usize) -> Vec<u8> {
        match self {
            Hasher::Fixed(d) => d.box_clone().finalize().to_vec(),
            Hasher::Shake128(s) => xof(s.clone().finalize_xof(), len),
            Hasher::Shake256(s) => xof(s.clone().finalize_xof(), len),
            Hasher::Blake2b(b) => b.digest(),
            Hasher::Blake2s(b) => b.digest(),
        }
    }
}

fn xof(mut r: impl XofReader, len: usize) -> Vec<u8> {
    let mut out = vec![0; len];
    r.read(&mut out);
    out
}

macro_rules! methods {
    ($new:expr) => {
        &[
            $new,
            NativeFn::method("HASH.update", hash_update, Arity::One, None),
            NativeFn::method("HASH.digest", hash_digest, Arity::NoArgs, None),
            NativeFn::method("HASH.hexdigest", hash_hexdigest, Arity::NoArgs, None),
            NativeFn::method("HASH.copy", hash_copy, Arity::NoArgs, None),
        ]
    };
}

macro_rules! shake_methods {
    ($new:expr, $digest:expr, $hex:expr) => {
        &[
            $new,
            NativeFn::method("HASH.update", hash_update, Arity::One, None),
            NativeFn::method($digest, shake_digest, Arity::One, None),
            NativeFn::method($hex, shake_hexdigest, Arity::One, None),
            NativeFn::method("HASH.copy", hash_copy, Arity::NoArgs, None),
        ]
    };
}

static HASH_NAME: NativeFn = NativeFn::method("HASH.name", hash_name, Arity::NoArgs, None);
static HASH_DIGEST_SIZE: NativeFn =
    NativeFn::method("HASH.digest_size", hash_digest_size, Arity::NoArgs, None);
static HASH_BLOCK_SIZE: NativeFn =
    NativeFn::method("HASH.block_size", hash_block_size, Arity::NoArgs, None);

static MD5_T: &[NativeFn] = methods!(NativeFn::new("md5", no_new));
static SHA1_T: &[NativeFn] = methods!(NativeFn::new("sha1", no_new));
static SHA224_T: &[NativeFn] = methods!(NativeFn::new("sha224", no_new));
static SHA256_T: &[NativeFn] = methods!(NativeFn::new("sha256", no_new));
static SHA384_T: &[NativeFn] = methods!(NativeFn::new("sha384", no_new));
static SHA512_T: &[NativeFn] = methods!(NativeFn::new("sha512", no_new));
static SHA3_224_T: &[NativeFn] = methods!(NativeFn::new("sha3_224", new_sha3_224));
static SHA3_256_T: &[NativeFn] = methods!(NativeFn::new("sha3_256", new_sha3_256));
static SHA3_384_T: &[NativeFn] = methods!(NativeFn::new("sha3_384", new_sha3_384));
static SHA3_512_T: &[NativeFn] = methods!(NativeFn::new("sha3_512", new_sha3_512));
static SHAKE128_T: &[NativeFn] = shake_methods!(
    NativeFn::new("shake_128", new_shake_128),
    "shake_128.digest",
    "shake_128.hexdigest"
);
static SHAKE256_T: &[NativeFn] = shake_methods!(
    NativeFn::new("shake_256", new_shake_256),
    "shake_256.digest",
    "shake_256.hexdigest"
);
static BLAKE2B_T: &[NativeFn] = methods!(NativeFn::new("blake2b", new_blake2b));
static BLAKE2S_T: &[NativeFn] = methods!(NativeFn::new("blake2s", new_blake2s));

static MD5_F: &[NativeFn] = &[NativeFn::new("md5", new_md5)];
static SHA1_F: &[NativeFn] = &[NativeFn::new("sha1", new_sha1)];
static SHA256_F: &[NativeFn] = &[
    NativeFn::new("sha224", new_sha224),
    NativeFn::new("sha256", new_sha256),
];
static SHA512_F: &[NativeFn] = &[
    NativeFn::new("sha384", new_sha384),
    NativeFn::new("sha512", new_sha512),
];

fn hash_type(vm: &mut Vm, key: &'static str, methods: &'static [NativeFn]) -> ObjRef {
    let t = native_type(vm, key, None, methods, false);
    let ro = Some(&READONLY);
    add_property(&t, "name", &HASH_NAME, ro);
    add_property(&t, "digest_size", &HASH_DIGEST_SIZE, ro);
    add_property(&t, "block_size", &HASH_BLOCK_SIZE, ro);
    super::set_slots(&t, &[]);
    t
}

/// Builds `_md5`.
pub(crate) fn init_md5(vm: &mut Vm) -> ObjRef {
    let t = hash_type(vm, "_md5.md5", MD5_T);
    super::new_module("_md5", MD5_F, &[("MD5Type", Value::Obj(t))])
}

/// Builds `_sha1`.
pub(crate) fn init_sha1(vm: &mut Vm) -> ObjRef {
    let t = hash_type(vm, "_sha1.sha1", SHA1_T);
    super::new_module("_sha1", SHA1_F, &[("SHA1Type", Value::Obj(t))])
}

/// Builds `_sha256`.
pub(crate) fn init_sha256(vm: &mut Vm) -> ObjRef {
    let a = hash_type(vm, "_sha256.sha224", SHA224_T);
    let b = hash_type(vm, "_sha256.sha256", SHA256_T);
    super::new_module(
        "_sha256",
        SHA256_F,
        &[("SHA224Type", Value::Obj(a)), ("SHA256Type", Value::Obj(b))],
    )
}

/// Builds `_sha512`.
pub(crate) fn init_sha512(vm: &mut Vm) -> ObjRef {
    hash_type(vm, "_sha512.sha384", SHA384_T);
    let b = hash_type(vm, "_sha512.sha512", SHA512_T);
    super::new_module(
        "_sha512",
        SHA512_F,
        // CPython 3.11 binds both types under this one name, the sha512 type last.
        &[("SHA384Type", Value::Obj(b))],
    )
}

/// Builds `_sha3`.
pub(crate) fn init_sha3(vm: &mut Vm) -> ObjRef {
    let types = [
        ("sha3_224", hash_type(vm, "_sha3.sha3_224", SHA3_224_T)),
        ("sha3_256", hash_type(vm, "_sha3.sha3_256", SHA3_256_T)),
        ("sha3_384", hash_type(vm, "_sha3.sha3_384", SHA3_384_T)),
        ("sha3_512", hash_type(vm, "_sha3.sha3_512", SHA3_512_T)),
        ("shake_128", hash_type(vm, "_sha3.shake_128", SHAKE128_T)),
        ("shake_256", hash_type(vm, "_sha3.shake_256", SHAKE256_T)),
    ];
    let mut consts: Vec<(&str, Value)> = types
        .iter()
        .map(|(n, t)| (*n, Value::Obj(t.clone())))
        .collect();
    consts.push(("implementation", Vm::str_val("tiny_sha3")));
    consts.push(("keccakopt", Value::Int(0)));
    super::new_module("_sha3", &[], &consts)
}

/// Builds `_blake2`.
pub(crate) fn init_blake2(vm: &mut Vm) -> ObjRef {
    let b = hash_type(vm, "_blake2.blake2b", BLAKE2B_T);
    let s = hash_type(vm, "_blake2.blake2s", BLAKE2S_T);
    for (t, d, k, salt) in [(&b, 64, 64, 16), (&s, 32, 32, 8)] {
        super::set_class_attr(t, "MAX_DIGEST_SIZE", Value::Int(d));
        super::set_class_attr(t, "MAX_KEY_SIZE", Value::Int(k));
        super::set_class_attr(t, "SALT_SIZE", Value::Int(salt));
        super::set_class_attr(t, "PERSON_SIZE", Value::Int(salt));
    }
    super::new_module(
        "_blake2",
        &[],
        &[
            ("blake2b", Value::Obj(b)),
            ("blake2s", Value::Obj(s)),
            ("BLAKE2B_MAX_DIGEST_SIZE", Value::Int(64)),
            ("BLAKE2B_MAX_KEY_SIZE", Value::Int(64)),
            ("BLAKE2B_PERSON_SIZE", Value::Int(16)),
            ("BLAKE2B_SALT_SIZE", Value::Int(16)),
            ("BLAKE2S_MAX_DIGEST_SIZE", Value::Int(32)),
            ("BLAKE2S_MAX_KEY_SIZE", Value::Int(32)),
            ("BLAKE2S_PERSON_SIZE", Value::Int(8)),
            ("BLAKE2S_SALT_SIZE", Value::Int(8)),
        ],
    )
}

fn no_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = super::new_cls(vm, a);
    let (module, name) = match cls.get() {
        Object::Class(c) => (c.module.clone(), c.name.clone()),
        _ => (String::new(), String::new()),
    };
    Err(vm.type_error(format!("cannot create '{module}.{name}' instances")))
}

/// The bytes of a data argument, with CPython's errors for str and non-buffers.
fn data_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    match v.body() {
        Some(Object::Bytes(b)) => Ok(std::borrow::Cow::Borrowed(b)),
        _ if crate::objects::bytearray::bytes_like(v).is_some() => Ok(std::borrow::Cow::Owned(
            crate::objects::bytearray::bytes_like(v).unwrap_or_default(),
        )),
        _ if v.as_str().is_some() => Err(vm.type_error("Strings must be encoded before hashing")),
        _ => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn make(
    vm: &Vm,
    key: &'static str,
    hasher: Hasher,
    sizes: (usize, usize),
    data: Option<&Value>,
) -> PyResult<Value> {
    let mut h = Hash {
        key,
        hasher,
        digest_size: sizes.0,
        block_size: sizes.1,
    };
    if let Some(d) = data {
        h.update(&data_of(vm, d)?);
    }
    let native = native_class(vm, key);
    Ok(new_native(native.clone(), native, None, h))
}

/// `NAME(string=b'', *, usedforsecurity=True)`, the md5/sha1/sha2 constructors.
fn classic(
    vm: &mut Vm,
    a: &Args,
    key: &'static str,
    hasher: Hasher,
    sizes: (usize, usize),
) -> PyResult<Value> {
    let name = key.rsplit_once('.').map_or(key, |(_, n)| n);
    let p = parse_args(vm, a, 0, name, &["string", "usedforsecurity"], 0, 1)?;
    make(vm, key, hasher, sizes, p[0])
}

fn new_md5(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    classic(
        vm,
        a,
        "_md5.md5",
        Hasher::Fixed(Box::new(md5::Md5::default())),
        (16, 64),
    )
}

fn new_sha1(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    classic(
        vm,
        a,
        "_sha1.sha1",
        Hasher::Fixed(Box::new(sha1::Sha1::default())),
        (20, 64),
    )
}

fn new_sha224(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    classic(
        vm,
        a,
        "_sha256.sha224",
        Hasher::Fixed(Box::new(sha2::Sha224::default())),
        (28, 64),
    )
}

fn new_sha256(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    classic(
        vm,
        a,
        "_sha256.sha256",
        Hasher::Fixed(Box::new(sha2::Sha256::default())),
        (32, 64),
    )
}

fn new_sha384(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    classic(
        vm,
        a,
        "_sha512.sha384",
        Hasher::Fixed(Box::new(sha2::Sha384::default())),
        (48, 128),
    )
}

fn new_sha512(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    classic(
        vm,
        a,
        "_sha512.sha512",
        Hasher::Fixed(Box::new(sha2::Sha512::default())),
        (64, 128),
    )
}

/// `sha3_*(data=b'', /, *, usedforsecurity=True)`; CPython names `sha3_224` in every
/// argument error of the family.
fn sha3_args<'a>(vm: &Vm, a: &Args<'a>) -> PyResult<Option<&'a Value>> {
    if a.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "sha3_224() takes at most 1 positional argument ({} given)",
            a.pos.len() - 1
        )));
    }
    for (k, _) in &a.kw {
        if *k != "usedforsecurity" {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for sha3_224()"
            )));
        }
    }
    Ok(a.get(1))
}

fn sha3_new(
    vm: &mut Vm,
    a: &Args,
    key: &'static str,
    hasher: Hasher,
    sizes: (usize, usize),
) -> PyResult<Value> {
    let data = sha3_args(vm, a)?;
    make(vm, key, hasher, sizes, data)
}

fn new_sha3_224(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sha3_new(
        vm,
        a,
        "_sha3.sha3_224",
        Hasher::Fixed(Box::new(sha3::Sha3_224::default())),
        (28, 144),
    )
}

fn new_sha3_256(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sha3_new(
        vm,
        a,
        "_sha3.sha3_256",
        Hasher::Fixed(Box::new(sha3::Sha3_256::default())),
        (32, 136),
    )
}

fn new_sha3_384(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sha3_new(
        vm,
        a,
        "_sha3.sha3_384",
        Hasher::Fixed(Box::new(sha3::Sha3_384::default())),
        (48, 104),
    )
}

fn new_sha3_512(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sha3_new(
        vm,
        a,
        "_sha3.sha3_512",
        Hasher::Fixed(Box::new(sha3::Sha3_512::default())),
        (64, 72),
    )
}

fn new_shake_128(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sha3_new(
        vm,
        a,
        "_sha3.shake_128",
        Hasher::Shake128(Default::default()),
        (0, 168),
    )
}

fn new_shake_256(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    sha3_new(
        vm,
        a,
        "_sha3.shake_256",
        Hasher::Shake256(Default::default()),
        (0, 136),
    )
}

/// The blake2 keyword arguments: data, digest_size, key, salt, person, then the tree
/// parameters, which only their sequential-mode defaults are supported for.
const BLAKE_NAMES: &[&str] = &[
    "data",
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
];

struct BlakeParams<'a> {
    data: Option<&'a Value>,
    size: usize,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
}

fn blake_params<'a>(
    vm: &mut Vm,
    a: &Args<'a>,
    name: &str,
    max: usize,
    salt_max: usize,
) -> PyResult<BlakeParams<'a>> {
    let p = parse_args(vm, a, 1, name, BLAKE_NAMES, 0, 1)?;
    let size = match p[1] {
        Some(v) => vm.index_of(v)?,
        None => max as i64,
    };
    if size < 1 || size > max as i64 {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max} bytes")));
    }
    let bytes = |vm: &Vm, v: Option<&Value>| -> PyResult<Vec<u8>> {
        match v {
            Some(v) => Ok(data_of(vm, v)?.to_vec()),
            None => Ok(Vec::new()),
        }
    };
    let key = bytes(vm, p[2])?;
    if key.len() > max {
        return Err(vm.value_error(format!("maximum key length is {max} bytes")));
    }
    let salt = bytes(vm, p[3])?;
    if salt.len() > salt_max {
        return Err(vm.value_error(format!("maximum salt length is {salt_max} bytes")));
    }
    let person = bytes(vm, p[4])?;
    if person.len() > salt_max {
        return Err(vm.value_error(format!("maximum person length is {salt_max} bytes")));
    }
    // Tree hashing: only the sequential-mode values are accepted.
    let defaults: [(usize, i64); 6] = [(5, 1), (6, 1), (7, 0), (8, 0), (9, 0), (10, 0)];
    for (i, d) in defaults {
        if let Some(v) = p[i] {
            if vm.index_of(v)? != d {
                return Err(vm.err(
                    ExcKind::NotImplementedError,
                    format!(
                        "{name}() tree hashing parameter '{}' is not supported",
                        BLAKE_NAMES[i]
                    ),
                ));
            }
        }
    }
    if let Some(v) = p[11] {
        if vm.truthy(v)? {
            return Err(vm.err(
                ExcKind::NotImplementedError,
                format!("{name}() tree hashing parameter 'last_node' is not supported"),
            ));
        }
    }
    Ok(BlakeParams {
        data: p[0],
        size: size as usize,
        key,
        salt,
        person,
    })
}

fn new_blake2b(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = blake_params(vm, a, "blake2b", 64, 16)?;
    let h = Hasher::Blake2b(Box::new(Blake2b::new(&p)));
    make(vm, "_blake2.blake2b", h, (p.size, 128), p.data)
}

fn new_blake2s(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = blake_params(vm, a, "blake2s", 32, 8)?;
    let h = Hasher::Blake2s(Box::new(Blake2s::new(&p)));
    make(vm, "_blake2.blake2s", h, (p.size, 64), p.data)
}

fn this<'a>(vm: &Vm, a: &Args<'a>, method: &str) -> PyResult<&'a mut Hash> {
    receiver::<Hash>(vm, a, "HASH", method)
}

fn hash_update(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "update")?;
    let data = a.get(1).cloned().unwrap_or(Value::None);
    let bytes = data_of(vm, &data)?;
    this(vm, a, "update")?.update(&bytes);
    Ok(Value::None)
}

fn bytes_value(b: Vec<u8>) -> Value {
    Value::obj(Object::Bytes(b.into_boxed_slice().into()))
}

fn hex(b: &[u8]) -> Value {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    Vm::str_val(s)
}

fn hash_digest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = this(vm, a, "digest")?;
    Ok(bytes_value(h.digest(h.digest_size)))
}

fn hash_hexdigest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = this(vm, a, "hexdigest")?;
    Ok(hex(&h.digest(h.digest_size)))
}

fn shake_len(vm: &mut Vm, a: &Args) -> PyResult<usize> {
    let v = a.get(1).cloned().unwrap_or(Value::None);
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.ssize_of(&v)?;
    if n < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    if n >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    Ok(n as usize)
}

fn shake_digest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "digest")?;
    let n = shake_len(vm, a)?;
    Ok(bytes_value(this(vm, a, "digest")?.digest(n)))
}

fn shake_hexdigest(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    this(vm, a, "hexdigest")?;
    let n = shake_len(vm, a)?;
    Ok(hex(&this(vm, a, "hexdigest")?.digest(n)))
}

fn hash_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = this(vm, a, "copy")?;
    let copy = Hash {
        key: h.key,
        hasher: h.hasher.clone(),
        digest_size: h.digest_size,
        block_size: h.block_size,
    };
    let native = native_class(vm, copy.key);
    Ok(new_native(native.clone(), native, None, copy))
}

fn hash_name(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Vm::str_val(this(vm, a, "name")?.name()))
}

fn hash_digest_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a, "digest_size")?.digest_size as i64))
}

fn hash_block_size(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, a, "block_size")?.block_size as i64))
}

/// The state of hash object `v` with its digest and block sizes (`None` for a shake, whose
/// output length is open): what `_hashlib`'s HMAC runs on.
pub(crate) fn fixed_hasher_of(v: &Value) -> Option<(HmacHasher, usize, usize)> {
    let h = super::state_of::<Hash>(v)?;
    match &h.hasher {
        Hasher::Shake128(_) | Hasher::Shake256(_) => None,
        other => Some((HmacHasher(other.clone()), h.digest_size, h.block_size)),
    }
}

/// A hasher for HMAC: update, then finish into a digest; cloned to reuse a keyed state.
#[derive(Clone)]
pub(crate) struct HmacHasher(Hasher);

impl HmacHasher {
    pub(crate) fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }

    /// The digest (never a shake's: `fixed_hasher_of` gives none).
    pub(crate) fn finish(&self) -> Vec<u8> {
        self.0.digest(0)
    }
}
