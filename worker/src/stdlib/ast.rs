//! The `_ast` module: CPython 3.11's node classes (built from the table in `ast_nodes.rs`:
//! `AST` with its constructor and `__reduce__`, each class's `_fields`, `_attributes`,
//! `__match_args__` and `None` defaults), the `PyCF_*` flags, and the conversion of the
//! compiler's parsed tree ([`permafrost_compiler::pytree`]) into node objects for
//! `compile(..., PyCF_ONLY_AST)`.

use super::ast_nodes::{NodeSpec, NODES};
use crate::value::dict_table::{dict_set_str, Dict};
use crate::value::heap::ObjRef;
use crate::value::object::BytesData;
use crate::value::object::{Instance, Object, TypeKind};
use crate::value::Value;
use crate::vm::native::{Args, NativeFn};
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use permafrost_compiler::pytree::{TreeNode, TreeValue};
use permafrost_image::Constant;
use std::collections::HashMap;

/// `compile()`'s flag asking for the tree instead of code.
pub(crate) const PYCF_ONLY_AST: i64 = 0x400;

static AST_INIT: NativeFn = NativeFn::new("AST.__init__", ast_init);
static AST_REDUCE: NativeFn = NativeFn::new("AST.__reduce__", ast_reduce);

/// The ASDL signature of a class with fields: `Name(identifier id, expr_context ctx)`.
fn signature(spec: &NodeSpec) -> String {
    match spec.fields {
        Some(fields) if !fields.is_empty() => {
            let parts: Vec<String> = fields.iter().map(|(n, t)| format!("{t} {n}")).collect();
            format!("{}({})", spec.name, parts.join(", "))
        }
        _ => spec.name.to_string(),
    }
}

/// A class's docstring as CPython generates it from the ASDL: the signature of a
/// constructor, or `base = A(...) | B(...)` for a sum type.
fn doc(spec: &NodeSpec) -> Value {
    if spec.name == "AST" {
        return Value::None;
    }
    let children: Vec<&NodeSpec> = NODES.iter().filter(|n| n.base == spec.name).collect();
    if children.is_empty() {
        return Vm::str_val(signature(spec));
    }
    let simple = children
        .iter()
        .all(|c| c.fields.is_none_or(|f| f.is_empty()));
    let sigs: Vec<String> = children.iter().map(|c| signature(c)).collect();
    let sep = if simple {
        " | ".to_string()
    } else {
        format!("\n{}| ", " ".repeat(spec.name.len() + 1))
    };
    Vm::str_val(format!("{} = {}", spec.name, sigs.join(&sep)))
}

fn str_tuple(items: impl Iterator<Item = &'static str>) -> Value {
    Vm::new_tuple(items.map(Vm::str_val).collect())
}

pub(crate) fn init(vm: &mut Vm) -> ObjRef {
    let type_t = vm.type_obj(TypeKind::Type).clone();
    let object_t = vm.type_obj(TypeKind::Object).clone();
    let mut made: HashMap<&'static str, ObjRef> = HashMap::new();
    let mut constants: Vec<(&str, Value)> = vec![
        ("PyCF_ONLY_AST", Value::Int(PYCF_ONLY_AST)),
        ("PyCF_TYPE_COMMENTS", Value::Int(0x1000)),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", Value::Int(0x2000)),
    ];
    for spec in NODES {
        let base = made
            .get(spec.base)
            .cloned()
            .unwrap_or_else(|| object_t.clone());
        let mut d = Dict::new();
        if spec.name == "AST" {
            dict_set_str(&mut d, "__init__", Value::Native(&AST_INIT));
            dict_set_str(&mut d, "__reduce__", Value::Native(&AST_REDUCE));
        }
        if let Some(fields) = spec.fields {
            let names = str_tuple(fields.iter().map(|(n, _)| *n));
            dict_set_str(&mut d, "_fields", names.clone());
            dict_set_str(&mut d, "__match_args__", names);
        }
        if let Some(attrs) = spec.attributes {
            dict_set_str(&mut d, "_attributes", str_tuple(attrs.iter().copied()));
        }
        for n in spec.none_defaults {
            dict_set_str(&mut d, n, Value::None);
        }
        dict_set_str(&mut d, "__module__", Vm::str_val("ast"));
        dict_set_str(&mut d, "__doc__", doc(spec));
        let cls = vm.call(
            &Value::Obj(type_t.clone()),
            &[
                Vm::str_val(spec.name),
                Vm::new_tuple(vec![Value::Obj(base)]),
                Vm::new_dict(d),
            ],
            &[],
        );
        if let Ok(Value::Obj(c)) = cls {
            made.insert(spec.name, c.clone());
            constants.push((spec.name, Value::Obj(c)));
        }
    }
    super::new_module("_ast", &[], &constants)
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill `_fields` in order,
/// keywords set any attribute.
fn ast_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(this) = a.get(0).cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'AST' object needs an argument"));
    };
    let cls = vm.type_of(&this);
    let name = Vm::class_name(&cls);
    let fields = match vm.getattr_opt(&Value::Obj(cls), "_fields")? {
        Some(f) => vm.collect(&f)?,
        None => vec![],
    };
    let args = &a.pos[1..];
    if args.len() > fields.len() {
        let n = fields.len();
        return Err(vm.type_error(format!(
            "{name} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    for (f, v) in fields.iter().zip(args) {
        vm.setattr(&this, f, v.clone())?;
    }
    for (k, v) in &a.kw {
        if fields[..args.len()].iter().any(|f| f.as_str() == Some(k)) {
            return Err(vm.type_error(format!("{name} got multiple values for argument '{k}'")));
        }
        vm.setattr(&this, &Vm::str_val(*k), (*v).clone())?;
    }
    Ok(Value::None)
}

/// `AST.__reduce__()`: `(type(self), (), self.__dict__)`.
fn ast_reduce(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let this = a.get(0).cloned().unwrap_or(Value::None);
    let cls = vm.type_of(&this);
    let dict = vm.getattr_opt(&this, "__dict__")?;
    let mut items = vec![Value::Obj(cls), Vm::new_tuple(vec![])];
    if let Some(d) = dict {
        items.push(d);
    }
    Ok(Vm::new_tuple(items))
}

/// Whether `v` is an `ast.AST` (only possible once `_ast` has been imported).
pub(crate) fn is_ast(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if !matches!(v.body(), Some(Object::Instance(_))) {
        return Ok(false);
    }
    let loaded = vm.dict_get_str(&vm.sys_modules.clone(), "_ast")?;
    let Some(module) = loaded else {
        return Ok(false);
    };
    match vm.getattr_opt(&module, "AST")? {
        Some(cls) => crate::builtins::functions::isinstance_check(vm, v, &cls),
        None => Ok(false),
    }
}

/// The node objects of a parsed tree, made from `_ast`'s classes.
pub(crate) fn tree_to_value(vm: &mut Vm, tree: TreeNode) -> PyResult<Value> {
    let module = vm.import_module("_ast")?;
    let mut conv = Converter {
        module,
        classes: HashMap::new(),
        singletons: HashMap::new(),
    };
    conv.node(vm, tree)
}

struct Converter {
    module: Value,
    classes: HashMap<&'static str, ObjRef>,
    /// Field-less nodes (`Load()`, `Add()`) are shared, as CPython shares them.
    singletons: HashMap<&'static str, Value>,
}

impl Converter {
    fn class(&mut self, vm: &mut Vm, name: &'static str) -> PyResult<ObjRef> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let c = match vm.getattr_opt(&self.module, name)? {
            Some(Value::Obj(c)) if matches!(c.get(), Object::Class(_)) => c,
            _ => {
                return Err(vm.err(
                    crate::vm::ExcKind::SystemError,
                    format!("_ast has no node class {name}"),
                ))
            }
        };
        self.classes.insert(name, c.clone());
        Ok(c)
    }

    fn node(&mut self, vm: &mut Vm, n: TreeNode) -> PyResult<Value> {
        let leaf = n.fields.is_empty() && n.pos.is_none();
        if leaf {
            if let Some(v) = self.singletons.get(n.class) {
                return Ok(v.clone());
            }
        }
        let cls = self.class(vm, n.class)?;
        let mut own = Dict::new();
        for (name, v) in n.fields {
            let v = self.value(vm, v)?;
            dict_set_str(&mut own, name, v);
        }
        if let Some([l, c, el, ec]) = n.pos {
            dict_set_str(&mut own, "lineno", Value::Int(i64::from(l)));
            dict_set_str(&mut own, "col_offset", Value::Int(i64::from(c)));
            dict_set_str(&mut own, "end_lineno", Value::Int(i64::from(el)));
            dict_set_str(&mut own, "end_col_offset", Value::Int(i64::from(ec)));
        }
        let v = Value::obj(Object::Instance(Instance {
            class: cls,
            own,
            dict_obj: None,
            exc: None,
            base: Value::Null,
        }));
        if leaf {
            self.singletons.insert(n.class, v.clone());
        }
        Ok(v)
    }

    fn value(&mut self, vm: &mut Vm, v: TreeValue) -> PyResult<Value> {
        Ok(match v {
            TreeValue::Node(n) => self.node(vm, *n)?,
            TreeValue::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.value(vm, i)?);
                }
                Vm::new_list(out)
            }
            TreeValue::Const(c) => constant(c),
        })
    }
}

/// A constant of the tree as a value.
fn constant(c: Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(b),
        Constant::Int(i) => Value::Int(i),
        Constant::BigInt {
            negative,
            magnitude_le,
        } => {
            let sign = if negative { Sign::Minus } else { Sign::Plus };
            Value::obj(Object::BigInt(BigInt::from_bytes_le(sign, &magnitude_le)))
        }
        Constant::Float(f) => Value::Float(f),
        Constant::Complex(re, im) => Value::obj(Object::Complex(re, im)),
        Constant::Str(s) => Vm::str_val(s),
        Constant::WideStr(b) => Vm::str_from_wide(&b),
        Constant::Bytes(b) => Value::obj(Object::Bytes(BytesData::Owned(b.into()))),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Tuple(items) => Vm::new_tuple(items.into_iter().map(constant).collect()),
        Constant::Code(_) => Value::None,
    }
}

/// How deep a node tree handed to `compile()` may nest before it is refused.
const MAX_TREE_DEPTH: usize = 3000;

/// The neutral tree of node objects handed to `compile()`, checked as CPython's `obj2ast`
/// checks them: each node's class, its position attributes, then its fields, each of the
/// type its ASDL declares (with CPython's messages when one is not).
pub(crate) fn value_to_tree(vm: &mut Vm, v: &Value, expect: &str) -> PyResult<TreeNode> {
    let module = vm.import_module("_ast")?;
    let mut classes = Vec::with_capacity(NODES.len());
    for spec in NODES {
        if let Some(Value::Obj(c)) = vm.getattr_opt(&module, spec.name)? {
            classes.push((c, spec));
        }
    }
    let r = Reader { classes };
    match r.spec_of(vm, v)? {
        Some(spec) if spec.name == expect => r.node(vm, v, 0),
        Some(spec) => Err(vm.type_error(format!("expected {expect} node, got {}", spec.name))),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("expected {expect} node, got {t}")))
        }
    }
}

struct Reader {
    classes: Vec<(ObjRef, &'static NodeSpec)>,
}

impl Reader {
    /// The `_ast` class `v` is an instance of (the nearest along its MRO).
    fn spec_of(&self, vm: &mut Vm, v: &Value) -> PyResult<Option<&'static NodeSpec>> {
        if !matches!(v.body(), Some(Object::Instance(_))) {
            return Ok(None);
        }
        let cls = Value::Obj(vm.type_of(v));
        let mro = match vm.getattr_opt(&cls, "__mro__")? {
            Some(m) => vm.collect(&m)?,
            None => vec![],
        };
        for c in mro {
            if let Value::Obj(c) = c {
                if let Some((_, spec)) = self.classes.iter().find(|(k, _)| k.ptr_eq(&c)) {
                    return Ok(Some(spec));
                }
            }
        }
        Ok(None)
    }

    /// Whether a node of class `spec` may stand where the ASDL type `want` is expected.
    fn fits(spec: &NodeSpec, want: &str) -> bool {
        spec.name == want || spec.base == want
    }

    fn node(&self, vm: &mut Vm, v: &Value, depth: usize) -> PyResult<TreeNode> {
        if depth > MAX_TREE_DEPTH {
            return Err(vm.err(
                crate::vm::ExcKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
            ));
        }
        let Some(spec) = self.spec_of(vm, v)? else {
            let r = vm.repr(v)?;
            return Err(vm.type_error(format!("expected some sort of AST node, but got {r}")));
        };
        let owner = if spec.base == "AST" {
            spec.name
        } else {
            spec.base
        };
        let mut pos = None;
        let attributes = spec.attributes.or_else(|| {
            NODES
                .iter()
                .find(|b| b.name == spec.base)
                .and_then(|b| b.attributes)
        });
        if let Some(attrs) = attributes {
            if attrs.contains(&"lineno") {
                let mut p = [0i64; 4];
                for (i, a) in ["lineno", "col_offset", "end_lineno", "end_col_offset"]
                    .iter()
                    .enumerate()
                {
                    let got = vm.getattr_opt(v, a)?;
                    let n = match got {
                        None | Some(Value::None) if i >= 2 => p[i - 2],
                        None | Some(Value::None) => {
                            return Err(vm.type_error(format!(
                                "required field \"{a}\" missing from {owner}"
                            )))
                        }
                        Some(x) => self.int(vm, &x)?,
                    };
                    p[i] = n;
                }
                if matches!(spec.base, "stmt" | "expr") || matches!(spec.name, "stmt" | "expr") {
                    check_positions(vm, p)?;
                }
                pos = Some(p.map(|n| u32::try_from(n.max(0)).unwrap_or(u32::MAX)));
            }
        }
        let mut fields = vec![];
        for (name, ty) in spec.fields.unwrap_or(&[]) {
            let got = vm.getattr_opt(v, name)?;
            let (base_ty, list, optional) = if let Some(t) = ty.strip_suffix('*') {
                (t, true, false)
            } else if let Some(t) = ty.strip_suffix('?') {
                (t, false, true)
            } else {
                (*ty, false, false)
            };
            let value = match got {
                None if list => TreeValue::List(vec![]),
                None | Some(Value::None) if optional => TreeValue::Const(Constant::None),
                None => {
                    return Err(vm.type_error(format!(
                        "required field \"{name}\" missing from {}",
                        spec.name
                    )))
                }
                Some(x) if list => {
                    let Some(Object::List(items)) = x.body() else {
                        let t = vm.type_name(&x);
                        return Err(vm.type_error(format!(
                            "{} field \"{name}\" must be a list, not a {t}",
                            spec.name
                        )));
                    };
                    let items = items.clone();
                    let mut out = Vec::with_capacity(items.len());
                    for it in &items {
                        // `kw_defaults` and `Dict.keys` hold `None` for absent entries; the
                        // compiler refuses a `None` anywhere else.
                        if matches!(it, Value::None) && !matches!(base_ty, "constant") {
                            out.push(TreeValue::Const(Constant::None));
                            continue;
                        }
                        out.push(self.field(vm, it, base_ty, spec, name, depth)?);
                    }
                    TreeValue::List(out)
                }
                Some(x) => self.field(vm, &x, base_ty, spec, name, depth)?,
            };
            fields.push((*name, value));
        }
        Ok(TreeNode {
            class: spec.name,
            fields,
            pos,
        })
    }

    fn int(&self, vm: &mut Vm, x: &Value) -> PyResult<i64> {
        match x {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(i64::from(*b)),
            _ => {
                let r = vm.repr(x)?;
                Err(vm.value_error(format!("invalid integer value: {r}")))
            }
        }
    }

    fn field(
        &self,
        vm: &mut Vm,
        x: &Value,
        ty: &str,
        spec: &NodeSpec,
        name: &str,
        depth: usize,
    ) -> PyResult<TreeValue> {
        match ty {
            "identifier" | "string" => match x.as_str() {
                Some(s) => Ok(TreeValue::Const(Constant::Str(s.to_string()))),
                _ if ty == "identifier" => Err(vm.type_error("AST identifier must be of type str")),
                _ => Err(vm.type_error("AST string must be of type str")),
            },
            "int" => Ok(TreeValue::Const(Constant::Int(self.int(vm, x)?))),
            "constant" => match value_constant(x, 0) {
                Some(c) => Ok(TreeValue::Const(c)),
                None => {
                    let t = vm.type_name(x);
                    Err(vm.type_error(format!("got an invalid type in {}: {t}", spec.name)))
                }
            },
            _ => {
                let fits = self.spec_of(vm, x)?.filter(|s| Self::fits(s, ty));
                if fits.is_none() {
                    let r = vm.repr(x)?;
                    let what = match ty {
                        "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop" => {
                            format!("expected some sort of {ty}")
                        }
                        _ => format!("expected some sort of {ty}"),
                    };
                    let _ = name;
                    return Err(vm.type_error(format!("{what}, but got {r}")));
                }
                Ok(TreeValue::Node(Box::new(self.node(vm, x, depth + 1)?)))
            }
        }
    }
}

/// CPython's validation of a statement's or expression's span.
fn check_positions(vm: &mut Vm, [l, c, el, ec]: [i64; 4]) -> PyResult<()> {
    if l > el {
        return Err(vm.value_error(format!("AST node line range ({l}, {el}) is not valid")));
    }
    if (l < 0 && el != l) || (c < 0 && c != ec) {
        return Err(vm.value_error(format!(
            "AST node column range ({c}, {ec}) for line range ({l}, {el}) is not valid"
        )));
    }
    if l == el && c > ec {
        return Err(vm.value_error(format!("line {l}, column {c}-{ec} is not a valid range")));
    }
    Ok(())
}

/// A value `Constant.value` may hold, as a compile-time constant.
pub(crate) fn value_constant(x: &Value, depth: usize) -> Option<Constant> {
    if depth > MAX_TREE_DEPTH {
        return None;
    }
    if let Some(s) = x.as_str() {
        return Some(Constant::Str(s.to_string()));
    }
    Some(match x {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(*i),
        Value::Float(f) => Constant::Float(*f),
        Value::Ellipsis => Constant::Ellipsis,
        _ => match x.body()? {
            Object::Bytes(b) => Constant::Bytes(b.to_vec()),
            Object::Complex(re, im) => Constant::Complex(*re, *im),
            Object::BigInt(b) => {
                let (sign, magnitude_le) = b.to_bytes_le();
                Constant::BigInt {
                    negative: sign == Sign::Minus,
                    magnitude_le,
                }
            }
            Object::Tuple(items) => Constant::Tuple(
                items
                    .iter()
                    .map(|i| value_constant(i, depth + 1))
                    .collect::<Option<_>>()?,
            ),
            _ => return None,
        },
    })
}
