//! The two layouts, and the per-code side tables that live outside the image.
//!
//! `Permanent`: frames read bytecode as `&'static [u32]` straight from the mapping. Each
//! code object's constants are decoded once at load into a side table of values that never
//! own a count: immediates are copied (a str constant becomes a value holding the `ImgStr`
//! pointer, so the text stays in the image), and composite constants (tuples, big ints,
//! bytes) are built once into immortal heap values, since a value cannot point at an image
//! tuple's items. `LOAD_CONST` is then a 16-byte copy out of that table, which is only read
//! after load (nothing in it is ever written, so its pages stay shared after fork); decoding
//! the image slot on every load assembled the value from narrow stores and stalled the CPU's
//! store-to-load forwarding.
//! `Transient`: every code object and constant is copied into ordinary refcounted heap objects
//! at load, CPython's layout; frames hold a count on their code object and `LOAD_CONST`
//! clones (increments) the constant.
//!
//! Side tables (built here, never in the image): which module a code object belongs to, and
//! for each `co_names` entry used by a `*_GLOBAL` instruction the module slot it resolves to,
//! with the built-in it falls back to.

use crate::value::heap::ObjRef;
use crate::value::object::{HeapCode, Object, PyStr};
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use permafrost_image::opcode::Opcode;
use permafrost_image::{CodeView, ConstView, Image};
use std::collections::HashMap;

/// Where code objects and constants live, and whether reading them writes refcounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The image is read in place: code and constants are never copied or written.
    Permanent,
    /// Code and constants are copied into refcounted heap objects at load, as CPython does.
    Transient,
}

/// Side table for one code object.
pub struct CodeInfo {
    pub view: CodeView<'static>,
    pub words: &'static [u32],
    pub module: u32,
    /// Permanent: every constant, decoded once (composites immortal). Empty in transient.
    /// Leaked on purpose, like the mapping it mirrors: the table lives as long as the process's
    /// one interpreter (which is never dropped), and a `'static` slice lets the dispatch loop
    /// hold it while calling back into the interpreter.
    pub consts: &'static [Value],
    /// Transient: the heap code object.
    pub heap: Option<ObjRef>,
    /// Per `co_names` index: module slot (`u32::MAX` when the name is not a global here).
    pub global_slots: Vec<u32>,
    /// Per `co_names` index: the built-in a global falls back to (`Null` if none), filled
    /// once the built-ins exist, so a global miss never hashes the name.
    pub builtin_fallback: Vec<Value>,
    pub nlocals: usize,
    pub ncells: usize,
    pub nfree: usize,
    pub flags: u32,
    pub argcount: usize,
    pub stacksize: usize,
    /// Only positional parameters (no `*args`, `**kwargs`, keyword-only): calls with exactly
    /// `argcount` positional arguments bind by copying.
    pub simple_args: bool,
    /// Code compiled at run time (`vm/dynamic.rs`): its slot belongs to a transient unit.
    pub transient: bool,
    /// Transient: the constants `consts` points into, owned here and dropped with the slot.
    pub owned_consts: Box<[Value]>,
    /// Transient: `co_names` as heap strs (what `*_NAME` / attribute opcodes hand out).
    pub heap_names: Box<[Value]>,
}

/// The side table of `view` with nothing decoded (no constants, no global slots).
pub fn empty_info(view: CodeView<'static>) -> CodeInfo {
    CodeInfo {
        view,
        words: view.code(),
        module: 0,
        consts: &[],
        heap: None,
        global_slots: Vec::new(),
        builtin_fallback: Vec::new(),
        nlocals: view.varnames().len(),
        ncells: view.cellvars().len(),
        nfree: view.freevars().len(),
        flags: view.flags(),
        argcount: view.argcount() as usize,
        stacksize: view.stacksize() as usize,
        simple_args: view.kwonlyargcount() == 0
            && view.flags()
                & (permafrost_image::opcode::flags::CO_VARARGS
                    | permafrost_image::opcode::flags::CO_VARKEYWORDS)
                == 0,
        transient: false,
        owned_consts: Box::new([]),
        heap_names: Box::new([]),
    }
}

/// A name from the image, keyed by the hash its string record carries (checked against its
/// bytes when the image was validated), so load-time tables never hash a name again.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct NameKey {
    pub hash: u64,
    pub text: &'static str,
}

impl NameKey {
    pub fn of(s: permafrost_image::ImgStr<'static>) -> NameKey {
        NameKey {
            hash: s.hash(),
            text: s.as_str(),
        }
    }

    pub fn new(text: &'static str) -> NameKey {
        NameKey {
            hash: permafrost_image::str_hash(text.as_bytes()),
            text,
        }
    }
}

impl std::hash::Hash for NameKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Passes a [`NameKey`]'s precomputed hash through. The keys are names compiled into the
/// image (the deployed program's own identifiers), never data a request can choose, and
/// these tables are only used while loading, so an unkeyed hash exposes nothing.
#[derive(Default)]
pub struct PassHasher(u64);

impl std::hash::Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not reached through `NameKey`; still a hash for any other key.
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A load-time table keyed by image names.
pub type NameMap<V> = HashMap<NameKey, V, std::hash::BuildHasherDefault<PassHasher>>;

/// Names → slots of one module, decided at load so code can index globals directly.
#[derive(Default, Clone)]
pub struct ModuleTemplate {
    pub names: Vec<&'static str>,
    pub lookup: NameMap<u32>,
}

impl ModuleTemplate {
    pub fn slot_for(&mut self, name: NameKey) -> u32 {
        let next = self.names.len() as u32;
        let s = *self.lookup.entry(name).or_insert(next);
        if s == next {
            self.names.push(name.text);
        }
        s
    }

    /// A module's own name → slot table, built from the template.
    pub fn module_lookup(&self) -> HashMap<Box<str>, u32> {
        let mut lookup = HashMap::with_capacity(self.names.len());
        for (i, n) in self.names.iter().enumerate() {
            lookup.insert(Box::<str>::from(*n), i as u32);
        }
        lookup
    }
}

/// Converts a constant to a value. `heap_strs` copies str and bytes constants to the heap
/// (transient); otherwise they point into the image.
pub fn const_value(c: ConstView<'static>, heap_strs: bool) -> Value {
    match c {
        ConstView::None => Value::None,
        ConstView::Bool(b) => Value::Bool(b),
        ConstView::Int(i) => Value::Int(i),
        ConstView::Float(f) => Value::Float(f),
        ConstView::Ellipsis => Value::Ellipsis,
        ConstView::Code(i) => Value::Code(i),
        ConstView::Str(s) => {
            if heap_strs {
                Value::obj(Object::Str(PyStr::new(s.as_str())))
            } else {
                Value::Str(s)
            }
        }
        ConstView::BigInt {
            negative,
            magnitude_le,
        } => {
            let sign = if negative { Sign::Minus } else { Sign::Plus };
            Value::obj(Object::BigInt(BigInt::from_bytes_le(sign, magnitude_le)))
        }
        ConstView::Bytes(b) => Value::obj(Object::Bytes(if heap_strs {
            crate::value::object::BytesData::Owned(b.as_bytes().into())
        } else {
            crate::value::object::BytesData::Image(b.as_bytes())
        })),
        ConstView::Complex(re, im) => Value::obj(Object::Complex(re, im)),
        // Validated as wide bytes holding a surrogate.
        ConstView::WideStr(b) => crate::vm::Vm::str_from_wide(b),
        ConstView::Tuple(items) => {
            let v: Vec<Value> = items.iter().map(|c| const_value(c, heap_strs)).collect();
            Value::obj(Object::Tuple(v.into_boxed_slice()))
        }
    }
}

/// Builds every code object's side table and each module's slot template.
pub fn build(image: Image<'static>, layout: Layout) -> (Vec<CodeInfo>, Vec<ModuleTemplate>) {
    let ncodes = image.code_count() as usize;
    let nmods = image.module_count() as usize;
    let mut owner: Vec<u32> = vec![u32::MAX; ncodes];
    // Assign each code object to the module whose top-level code reaches it.
    for m in 0..nmods {
        let top = image.module(m as u32).code;
        let mut work = vec![top];
        while let Some(c) = work.pop() {
            if (c as usize) >= ncodes || owner[c as usize] != u32::MAX {
                continue;
            }
            owner[c as usize] = m as u32;
            for k in image.code(c).consts().iter() {
                collect_codes(k, &mut work);
            }
        }
    }
    let mut templates = vec![ModuleTemplate::default(); nmods.max(1)];
    for t in templates.iter_mut() {
        for n in [
            "__name__",
            "__file__",
            "__doc__",
            "__builtins__",
            "__spec__",
            "__package__",
        ] {
            t.slot_for(NameKey::new(n));
        }
    }
    let mut infos = Vec::with_capacity(ncodes);
    for (i, &own) in owner.iter().enumerate() {
        let view = image.code(i as u32);
        let module = if own == u32::MAX { 0 } else { own };
        let words = view.code();
        let names = view.names();
        let mut global_slots = vec![u32::MAX; names.len()];
        for &w in words {
            let op = (w & 0xff) as u8;
            let arg = (w >> 8) as usize;
            let is_global = matches!(
                Opcode::from_u8(op),
                Some(
                    Opcode::LOAD_GLOBAL
                        | Opcode::STORE_GLOBAL
                        | Opcode::DELETE_GLOBAL
                        | Opcode::LOAD_NAME
                        | Opcode::STORE_NAME
                        | Opcode::DELETE_NAME
                )
            );
            // A name is looked up once per code object, however often it is used.
            if is_global && arg < names.len() && global_slots[arg] == u32::MAX {
                global_slots[arg] =
                    templates[module as usize].slot_for(NameKey::of(names.get(arg)));
            }
        }
        let consts_view = view.consts();
        let (consts, heap) = match layout {
            Layout::Permanent => {
                let consts = consts_view
                    .iter()
                    .map(|c| {
                        let v = const_value(c, false);
                        if let Value::Obj(o) = &v {
                            crate::value::freeze::freeze_value(&Value::Obj(o.clone()));
                        }
                        v
                    })
                    .collect::<Vec<Value>>();
                let consts: &'static [Value] = Vec::leak(consts);
                (consts, None)
            }
            Layout::Transient => {
                let heap_consts = consts_view.iter().map(|c| const_value(c, true)).collect();
                let heap = ObjRef::new(Object::Code(HeapCode {
                    index: i as u32,
                    words: words.to_vec().into_boxed_slice(),
                    consts: heap_consts,
                }));
                (&[][..], Some(heap))
            }
        };
        let mut info = empty_info(view);
        info.words = words;
        info.module = module;
        info.consts = consts;
        info.heap = heap;
        info.global_slots = global_slots;
        infos.push(info);
    }
    (infos, templates)
}

fn collect_codes(c: ConstView<'static>, out: &mut Vec<u32>) {
    match c {
        ConstView::Code(i) => out.push(i),
        ConstView::Tuple(items) => {
            for k in items.iter() {
                collect_codes(k, out);
            }
        }
        _ => {}
    }
}
