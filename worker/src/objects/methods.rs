//! Methods of the built-in types (str, list, tuple, dict, set, bytes, int, float, generator).
//! The receiver is the first positional argument.

use crate::builtins::Native;
use crate::value::dict_table::Dict;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::native::Args;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(crate) fn opt_i64(&mut self, v: Option<&Value>) -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(self.ssize_of(v)?)),
        }
    }

    /// A start/end search position (clamped like a slice bound).
    pub(crate) fn opt_pos(&mut self, v: Option<&Value>) -> PyResult<Option<i64>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => Ok(Some(self.clamp_index(v)?)),
        }
    }

    pub fn call_method_native(&mut self, n: Native, a: &Args) -> PyResult<Value> {
        use Native::*;
        let Some(recv) = a.get(0).cloned() else {
            return Err(self.type_error(format!("descriptor '{}' needs an argument", n.name())));
        };
        Err(self.no_method(&recv, n))
    }

    fn no_method(&self, recv: &Value, n: Native) -> crate::value::heap::ObjRef {
        self.err(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{}'",
                self.type_name(recv),
                n.name()
            ),
        )
    }
}
