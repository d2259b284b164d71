//! The native core of `importlib`: `_imp`, `_frozen_importlib` and
//! `_frozen_importlib_external`. CPython's `importlib/__init__.py` runs unchanged on top of
//! them: `import_module` resolves relative names in Python and calls `_gcd_import`, which
//! here is the interpreter's own import system (`vm/import.rs`) over `sys.modules`, the
//! native modules and the image; `reload` finds a spec with `_find_spec` and re-runs the
//! module's top level in the same module object with `_exec`. `importlib.util`'s helpers
//! (`module_from_spec`, `spec_from_loader`, `spec_from_file_location`, the `.pyc` path
//! functions, `MAGIC_NUMBER`) are here too; no Python-level finder or loader runs.

use super::parse_args;
use crate::value::dict_table::{dict_set_str, Dict};
use crate::value::heap::ObjRef;
use crate::value::object::{BytesData, Instance, Object};
use crate::value::Value;
use crate::vm::native::{Args, Arity, NativeFn};
use crate::vm::{ExcKind, PyResult, Vm};

static IMP_FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("lock_held", false_fn, Arity::NoArgs, None),
    NativeFn::function("acquire_lock", none_fn, Arity::NoArgs, None),
    NativeFn::function("release_lock", none_fn, Arity::NoArgs, None),
    NativeFn::function("is_builtin", is_builtin, Arity::One, None),
    NativeFn::function("is_frozen", false_fn, Arity::One, None),
    NativeFn::function("extension_suffixes", empty_list, Arity::NoArgs, None),
    NativeFn::function("_fix_co_filename", none_fn, Arity::Range(2, 2), None),
    // No module is frozen in CPython's sense here, so there is nothing to override.
    NativeFn::function(
        "_override_frozen_modules_for_tests",
        none_fn,
        Arity::One,
        None,
    ),
];

/// The loader of image modules (`__loader__`, `__spec__.loader`): `get_source(name)` is how
/// `linecache` (and so `traceback`) finds a module's source without reading files.
static LOADER_METHODS: &[NativeFn] = &[NativeFn::new("ImageLoader.get_source", get_source)];

const LOADER_KEY: &str = "_frozen_importlib_external.ImageLoader";

/// The loader class every image module names as its `__loader__` (its methods need no
/// instance: they are read from the class, as CPython's `BuiltinImporter`'s are).
pub(crate) fn image_loader(vm: &mut Vm) -> Value {
    if let Some(c) = vm.native_types.get(LOADER_KEY) {
        return Value::Obj(c.clone());
    }
    Value::Obj(super::native_type(
        vm,
        LOADER_KEY,
        None,
        LOADER_METHODS,
        false,
    ))
}

/// `get_source(fullname)`: the module's source text as frozen, or `None` when the image
/// does not hold it.
fn get_source(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(name) = a.pos.last().and_then(|v| v.as_str()).map(str::to_string) else {
        return Err(vm.type_error("get_source() argument must be str"));
    };
    let index = if name == "__main__" {
        Some(0)
    } else {
        vm.module_index(&name)
    };
    let Some(index) = index.filter(|&i| i < vm.image.module_count()) else {
        return Err(vm.err(ExcKind::ImportError, format!("loader cannot handle {name}")));
    };
    let code = vm.image.module(index).code;
    Ok(match vm.image.code(code).source() {
        Some(src) => Value::Str(src),
        None => Value::None,
    })
}

/// `linecache.cache[file] = (get_source,)` for every image module whose source the image
/// holds: CPython's `linecache` reads a file it was not told about from disk; here the image
/// is the disk, and a one-element entry is `linecache`'s own lazy form (`lazycache`), which
/// `getline(file, n)` without module globals and `checkcache` honour.
pub(crate) fn seed_linecache(vm: &mut Vm, linecache: &ObjRef) -> PyResult<()> {
    let cache = vm.getattr(&Value::Obj(linecache.clone()), &Vm::str_val("cache"))?;
    for index in 0..vm.image.module_count() {
        let record = vm.image.module(index);
        if vm.image.code(record.code).source().is_none() {
            continue;
        }
        let file = Value::Str(record.file);
        if vm.contains(&cache, &file)? {
            continue;
        }
        let getter = Value::obj(Object::BoundMethod {
            func: Value::Native(&LOADER_METHODS[0]),
            receiver: Value::Str(record.name),
        });
        vm.setitem(&cache, file, Vm::new_tuple(vec![getter]))?;
    }
    Ok(())
}

static BOOTSTRAP_FUNCTIONS: &[NativeFn] = &[
    NativeFn::new("_gcd_import", gcd_import),
    NativeFn::new("_find_spec", find_spec),
    NativeFn::function("_exec", exec_spec, Arity::Range(2, 2), None),
    NativeFn::function("_resolve_name", resolve_name_fn, Arity::Range(3, 3), None),
    NativeFn::function("module_from_spec", module_from_spec, Arity::One, None),
    NativeFn::new("spec_from_loader", spec_from_loader),
];

static EXTERNAL_FUNCTIONS: &[NativeFn] = &[
    NativeFn::function("_pack_uint32", pack_uint32, Arity::One, None),
    NativeFn::function("_unpack_uint32", unpack_uint32, Arity::One, None),
    NativeFn::new("cache_from_source", cache_from_source),
    NativeFn::function("source_from_cache", source_from_cache, Arity::One, None),
    NativeFn::function("decode_source", decode_source, Arity::One, None),
    NativeFn::new("spec_from_file_location", spec_from_file_location),
];

/// CPython 3.11's bytecode magic number (`importlib.util.MAGIC_NUMBER`): 3495, `\r\n`.
const MAGIC: [u8; 4] = [0xa7, 0x0d, 0x0d, 0x0a];
/// The cache tag of `.pyc` names (`sys.implementation.cache_tag`).
const CACHE_TAG: &str = "cpython-311";

fn false_fn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn none_fn(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn empty_list(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Vm::new_list(Vec::new()))
}

fn is_builtin(_vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = a.get(0).and_then(|v| v.as_str()).unwrap_or("");
    Ok(Value::Int(super::find(name).is_some() as i64))
}

/// `_resolve_name`: `name` relative to `package` at `level`.
fn resolve_name(vm: &Vm, name: &str, package: &str, level: i64) -> PyResult<String> {
    let parts: Vec<&str> = package.split('.').collect();
    if (parts.len() as i64) < level {
        return Err(vm.err(
            ExcKind::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

fn resolve_name_fn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let name = a.get(0).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let package = a.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let level = vm.index_of(&a.get(2).cloned().unwrap_or(Value::Int(1)))?;
    Ok(Vm::str_val(resolve_name(
        vm,
        &name,
        &package,
        level.max(1),
    )?))
}

/// `_gcd_import(name, package=None, level=0)`: CPython's sanity checks, then the module
/// itself (not its top-level package).
fn gcd_import(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "_gcd_import", &["name", "package", "level"], 1, 3)?;
    let name_v = args[0].cloned().unwrap_or(Value::None);
    let Some(name) = name_v.as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "module name must be str, not <class '{}'>",
            vm.type_name(&name_v)
        )));
    };
    let level = match args[2] {
        Some(v) => vm.index_of(v)?,
        None => 0,
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let absolute = if level > 0 {
        let package = match args[1].and_then(|p| p.as_str()) {
            Some(p) => p.to_string(),
            None => return Err(vm.type_error("__package__ not set to a string")),
        };
        if package.is_empty() {
            return Err(vm.err(
                ExcKind::ImportError,
                "attempted relative import with no known parent package",
            ));
        }
        resolve_name(vm, &name, &package, level)?
    } else {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name
    };
    vm.import_module(&absolute)
}

/// `_find_spec(name, path, target=None)`: a spec for a module the interpreter can load, else
/// `None`.
fn find_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let args = parse_args(vm, a, 0, "_find_spec", &["name", "path", "target"], 1, 3)?;
    let Some(name) = args[0].and_then(|v| v.as_str()).map(str::to_string) else {
        return Ok(Value::None);
    };
    let origin = if super::find(&name).is_some() {
        Vm::str_val("built-in")
    } else if let Some(i) = vm.module_index(&name) {
        Value::Str(vm.image.module(i).file)
    } else {
        return Ok(Value::None);
    };
    let cls = super::native_class(vm, "importlib._bootstrap.ModuleSpec");
    let parent = name.rsplit_once('.').map_or("", |(p, _)| p).to_string();
    let mut own = Dict::new();
    dict_set_str(&mut own, "name", Vm::str_val(name.as_str()));
    let loader = if vm.module_index(&name).is_some() && super::find(&name).is_none() {
        image_loader(vm)
    } else {
        Value::None
    };
    dict_set_str(&mut own, "loader", loader);
    dict_set_str(&mut own, "origin", origin);
    dict_set_str(&mut own, "parent", Vm::str_val(parent));
    dict_set_str(&mut own, "submodule_search_locations", Value::None);
    Ok(Value::obj(Object::Instance(Instance {
        class: cls,
        own,
        dict_obj: None,
        exc: None,
        base: Value::Null,
    })))
}

/// `_exec(spec, module)`: runs the module's top level again in `module` (`reload`).
fn exec_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let spec = a.get(0).cloned().unwrap_or(Value::None);
    let module = a.get(1).cloned().unwrap_or(Value::None);
    let name_v = vm.getattr(&spec, &Vm::str_val("name"))?;
    let name = name_v.as_str().unwrap_or("").to_string();
    if !vm
        .loaded_module(&name)
        .is_some_and(|m| matches!((&m, &module), (Value::Obj(x), Value::Obj(y)) if x.ptr_eq(y)))
    {
        let e = vm.err(
            ExcKind::ImportError,
            format!("module {name} not in sys.modules"),
        );
        vm.set_exc_attr(&e, "name", Vm::str_val(name.as_str()));
        return Err(e);
    }
    // A native module has nothing to re-run.
    if super::find(&name).is_some() {
        return Ok(module);
    }
    let Some(index) = vm.module_index(&name) else {
        return Ok(module);
    };
    let Value::Obj(m) = &module else {
        return Ok(module);
    };
    // The top level reads its globals from the module registered at its index.
    vm.modules[index as usize] = Some(m.clone());
    let code = vm.image.module(index).code;
    vm.run_code(code, None, Vec::new())?;
    Ok(vm.loaded_module(&name).unwrap_or(module))
}

fn pack_uint32(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = vm.index_of(&a.get(0).cloned().unwrap_or(Value::None))?;
    let b = ((n as u64) & 0xffff_ffff) as u32;
    Ok(Value::obj(Object::Bytes(BytesData::Owned(
        b.to_le_bytes().to_vec().into(),
    ))))
}

fn unpack_uint32(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    match a.get(0).and_then(|v| match v.body() {
        Some(Object::Bytes(b)) => Some(b.to_vec()),
        _ => None,
    }) {
        Some(b) if b.len() == 4 => Ok(Value::Int(
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64
        )),
        _ => Err(vm.value_error("bytes of length 4 required")),
    }
}

/// A `ModuleSpec` with CPython's attributes.
fn make_spec(
    vm: &mut Vm,
    name: &str,
    loader: Value,
    origin: Value,
    search: Value,
    has_location: bool,
) -> Value {
    let cls = super::native_class(vm, "importlib._bootstrap.ModuleSpec");
    let is_package = !matches!(search, Value::None);
    let parent = if is_package {
        name
    } else {
        name.rsplit_once('.').map_or("", |(p, _)| p)
    };
    let mut own = Dict::new();
    dict_set_str(&mut own, "name", Vm::str_val(name));
    dict_set_str(&mut own, "loader", loader);
    dict_set_str(&mut own, "origin", origin);
    dict_set_str(&mut own, "loader_state", Value::None);
    dict_set_str(&mut own, "submodule_search_locations", search);
    dict_set_str(&mut own, "parent", Vm::str_val(parent));
    dict_set_str(&mut own, "has_location", Value::Bool(has_location));
    dict_set_str(&mut own, "cached", Value::None);
    Value::obj(Object::Instance(Instance {
        class: cls,
        own,
        dict_obj: None,
        exc: None,
        base: Value::Null,
    }))
}

/// `spec_from_loader(name, loader, *, origin=None, is_package=None)`.
fn spec_from_loader(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(
        vm,
        a,
        0,
        "spec_from_loader",
        &["name", "loader", "origin", "is_package"],
        2,
        2,
    )?;
    let name = p[0].and_then(|v| v.as_str()).unwrap_or("").to_string();
    let loader = p[1].cloned().unwrap_or(Value::None);
    let origin = p[2].cloned().unwrap_or(Value::None);
    let is_package = match p[3] {
        Some(v) => vm.truthy(v)?,
        None => match vm.getattr_opt(&loader, "is_package")? {
            Some(f) => {
                let r = vm.call(&f, &[Vm::str_val(name.as_str())], &[]);
                match r {
                    Ok(v) => vm.truthy(&v)?,
                    Err(_) => false,
                }
            }
            None => false,
        },
    };
    let search = if is_package {
        Vm::new_list(Vec::new())
    } else {
        Value::None
    };
    Ok(make_spec(vm, &name, loader, origin, search, false))
}

/// `spec_from_file_location(name, location=None, *, loader=None,
/// submodule_search_locations=...)`: a spec located at the file.
fn spec_from_file_location(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(
        vm,
        a,
        0,
        "spec_from_file_location",
        &["name", "location", "loader", "submodule_search_locations"],
        1,
        2,
    )?;
    let name = p[0].and_then(|v| v.as_str()).unwrap_or("").to_string();
    let location = p[1].cloned().unwrap_or(Value::None);
    let loader = p[2].cloned().unwrap_or(Value::None);
    let search = p[3].cloned().unwrap_or(Value::None);
    let spec = make_spec(vm, &name, loader, location.clone(), search, true);
    if let Some(path) = location.as_str() {
        if path.ends_with(".py") {
            let cached = cache_path(path, "");
            vm.setattr(&spec, &Vm::str_val("cached"), Vm::str_val(cached))?;
        }
    }
    Ok(spec)
}

/// `module_from_spec(spec)`: a new module (the loader's `create_module` when it makes one)
/// with the spec's import attributes set.
fn module_from_spec(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let spec = a.get(0).cloned().unwrap_or(Value::None);
    let name = vm.getattr(&spec, &Vm::str_val("name"))?;
    let loader = vm.getattr_opt(&spec, "loader")?.unwrap_or(Value::None);
    let mut module = None;
    if !matches!(loader, Value::None) {
        if let Some(create) = vm.getattr_opt(&loader, "create_module")? {
            let m = vm.call(&create, std::slice::from_ref(&spec), &[])?;
            if !matches!(m, Value::None) {
                module = Some(m);
            }
        } else if vm.getattr_opt(&loader, "exec_module")?.is_some() {
            return Err(vm.err(
                ExcKind::ImportError,
                "loaders that define exec_module() must also define create_module()",
            ));
        }
    }
    let module = match module {
        Some(m) => m,
        None => {
            let module_type =
                Value::Obj(vm.type_obj(crate::value::object::TypeKind::Module).clone());
            vm.call(&module_type, &[name], &[])?
        }
    };
    vm.setattr(&module, &Vm::str_val("__spec__"), spec.clone())?;
    vm.setattr(&module, &Vm::str_val("__loader__"), loader)?;
    let parent = vm.getattr_opt(&spec, "parent")?.unwrap_or(Value::None);
    vm.setattr(&module, &Vm::str_val("__package__"), parent)?;
    if let Some(search) = vm.getattr_opt(&spec, "submodule_search_locations")? {
        if !matches!(search, Value::None) {
            vm.setattr(&module, &Vm::str_val("__path__"), search)?;
        }
    }
    let located = match vm.getattr_opt(&spec, "has_location")? {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if located {
        let origin = vm.getattr_opt(&spec, "origin")?.unwrap_or(Value::None);
        vm.setattr(&module, &Vm::str_val("__file__"), origin)?;
        let cached = vm.getattr_opt(&spec, "cached")?.unwrap_or(Value::None);
        if !matches!(cached, Value::None) {
            vm.setattr(&module, &Vm::str_val("__cached__"), cached)?;
        }
    }
    Ok(module)
}

/// A str path, or what `__fspath__` gives.
fn path_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(f) = vm.getattr_opt(v, "__fspath__")? {
        let r = vm.call(&f, &[], &[])?;
        if let Some(s) = r.as_str() {
            return Ok(s.to_string());
        }
    }
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        vm.type_name(v)
    )))
}

/// `dir/__pycache__/base.cpython-311[.opt-N].pyc` for `dir/base.py`.
fn cache_path(path: &str, opt: &str) -> String {
    let (head, tail) = match path.rsplit_once('/') {
        Some((h, t)) => (Some(h), t),
        None => (None, path),
    };
    let base = match tail.rsplit_once('.') {
        Some((b, _)) => b,
        None => tail,
    };
    let file = if opt.is_empty() {
        format!("{base}.{CACHE_TAG}.pyc")
    } else {
        format!("{base}.{CACHE_TAG}.opt-{opt}.pyc")
    };
    match head {
        Some(h) => format!("{h}/__pycache__/{file}"),
        None => format!("__pycache__/{file}"),
    }
}

/// `cache_from_source(path, debug_override=None, *, optimization=None)`.
fn cache_from_source(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = parse_args(
        vm,
        a,
        0,
        "cache_from_source",
        &["path", "debug_override", "optimization"],
        1,
        2,
    )?;
    let path_v = p[0].cloned().unwrap_or(Value::None);
    let path_v = path_text(vm, &path_v)?;
    let opt = match p[2] {
        None | Some(Value::None) => String::new(),
        Some(v) => {
            let s = vm.str_of(v)?;
            if !s.chars().all(char::is_alphanumeric) {
                let r = vm.repr(&Vm::str_val(s.as_str()))?;
                return Err(vm.value_error(format!("{r} is not alphanumeric")));
            }
            s
        }
    };
    Ok(Vm::str_val(cache_path(&path_v, &opt)))
}

/// `source_from_cache(path)`: the `.py` file a `__pycache__` file was compiled from.
fn source_from_cache(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path_v = a.get(0).cloned().unwrap_or(Value::None);
    let path = path_text(vm, &path_v)?;
    let (head, file) = match path.rsplit_once('/') {
        Some((h, f)) => (h.to_string(), f.to_string()),
        None => (String::new(), path.clone()),
    };
    let (parent, pycache) = match head.rsplit_once('/') {
        Some((p, c)) => (Some(p.to_string()), c.to_string()),
        None => (None, head.clone()),
    };
    if pycache != "__pycache__" {
        let r = vm.repr(&path_v)?;
        return Err(vm.value_error(format!("__pycache__ not bottom-level directory in {r}")));
    }
    let dots = file.matches('.').count();
    if !(2..=3).contains(&dots) {
        let r = vm.repr(&Vm::str_val(file.as_str()))?;
        return Err(vm.value_error(format!("expected only 2 or 3 dots in {r}")));
    }
    let base = file.split('.').next().unwrap_or("");
    Ok(Vm::str_val(match parent {
        Some(p) => format!("{p}/{base}.py"),
        None => format!("{base}.py"),
    }))
}

/// `decode_source(source_bytes)`: UTF-8 text with universal newlines.
fn decode_source(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let b = a.get(0).and_then(crate::objects::bytearray::bytes_like);
    let Some(b) = b else {
        return Err(vm.type_error("decode_source() argument must be bytes-like"));
    };
    let text = String::from_utf8_lossy(&b)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    Ok(Vm::str_val(text))
}

pub(crate) fn init_imp(_vm: &mut Vm) -> ObjRef {
    super::new_module("_imp", IMP_FUNCTIONS, &[])
}

pub(crate) fn init_bootstrap(vm: &mut Vm) -> ObjRef {
    let spec = super::native_type(vm, "importlib._bootstrap.ModuleSpec", None, &[], false);
    // The finder classes `importlib.machinery` re-exports; no Python-level finder runs (the
    // interpreter's import system finds modules), so they carry no methods.
    let builtin = super::native_type(vm, "_frozen_importlib.BuiltinImporter", None, &[], false);
    let frozen = super::native_type(vm, "_frozen_importlib.FrozenImporter", None, &[], false);
    let import = vm
        .builtins
        .get("__import__")
        .cloned()
        .unwrap_or(Value::None);
    super::new_module(
        "_frozen_importlib",
        BOOTSTRAP_FUNCTIONS,
        &[
            ("__import__", import),
            ("ModuleSpec", Value::Obj(spec)),
            ("BuiltinImporter", Value::Obj(builtin)),
            ("FrozenImporter", Value::Obj(frozen)),
        ],
    )
}

/// The finder and loader classes of `_bootstrap_external` (names only, see `init_bootstrap`).
const EXTERNAL_CLASSES: &[&str] = &[
    "_frozen_importlib_external.WindowsRegistryFinder",
    "_frozen_importlib_external.PathFinder",
    "_frozen_importlib_external.FileFinder",
    "_frozen_importlib_external.SourceFileLoader",
    "_frozen_importlib_external.SourcelessFileLoader",
    "_frozen_importlib_external.ExtensionFileLoader",
    "_frozen_importlib_external.NamespaceLoader",
];

pub(crate) fn init_external(vm: &mut Vm) -> ObjRef {
    let suffixes = |s: &[&str]| Vm::new_list(s.iter().map(|x| Vm::str_val(*x)).collect());
    let mut constants = vec![
        ("SOURCE_SUFFIXES", suffixes(&[".py"])),
        ("BYTECODE_SUFFIXES", suffixes(&[".pyc"])),
        ("DEBUG_BYTECODE_SUFFIXES", suffixes(&[".pyc"])),
        ("OPTIMIZED_BYTECODE_SUFFIXES", suffixes(&[".pyc"])),
        // No extension modules load here (`_imp.extension_suffixes()` is empty too).
        ("EXTENSION_SUFFIXES", suffixes(&[])),
        (
            "MAGIC_NUMBER",
            Value::obj(Object::Bytes(BytesData::Owned(MAGIC.to_vec().into()))),
        ),
        (
            "_RAW_MAGIC_NUMBER",
            Value::Int(u32::from_le_bytes(MAGIC) as i64),
        ),
    ];
    for key in EXTERNAL_CLASSES {
        let cls = super::native_type(vm, key, None, &[], false);
        let name = key.rsplit_once('.').map_or(*key, |(_, n)| n);
        constants.push((name, Value::Obj(cls)));
    }
    super::new_module("_frozen_importlib_external", EXTERNAL_FUNCTIONS, &constants)
}
