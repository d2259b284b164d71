//! JSON ↔ Python values for `call_json`: null/None, bool, int (big ints exactly, through
//! serde_json's arbitrary-precision numbers), float, str, list, dict with str keys. Tuples come
//! back as lists; anything JSON cannot express is a `TypeError` as in `json.dumps`.

use crate::value::dict_table::Dict;
use crate::value::object::Object;
use crate::value::Value;
use crate::vm::nest;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

impl Vm {
    pub fn json_to_value(&mut self, j: &serde_json::Value) -> PyResult<Value> {
        Ok(match j {
            serde_json::Value::Null => Value::None,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => {
                let text = n.to_string();
                if let Some(i) = n.as_i64() {
                    Value::Int(i)
                } else if !text.contains(['.', 'e', 'E']) {
                    match text.parse::<BigInt>() {
                        Ok(b) => Vm::int_from_big(b),
                        Err(_) => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
                    }
                } else {
                    match text.parse::<f64>() {
                        Ok(f) => Value::Float(f),
                        Err(_) => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
                    }
                }
            }
            serde_json::Value::String(s) => Vm::str_val(s.as_str()),
            serde_json::Value::Array(items) => {
                let mut v = Vec::with_capacity(items.len());
                for it in items {
                    v.push(self.json_to_value(it)?);
                }
                Vm::new_list(v)
            }
            serde_json::Value::Object(map) => {
                let d = Vm::new_dict(Dict::new());
                for (k, v) in map {
                    let v = self.json_to_value(v)?;
                    self.setitem(&d, Vm::str_val(k.as_str()), v)?;
                }
                d
            }
        })
    }

    fn not_serializable(&self, v: &Value) -> crate::value::heap::ObjRef {
        self.type_error(format!(
            "Object of type {} is not JSON serializable",
            self.type_name(v)
        ))
    }

    /// A job's result as JSON, as `json.dumps` would encode it: a container holding itself is
    /// `ValueError: Circular reference detected`, a nest deeper than the recursion limit a
    /// `RecursionError`.
    pub fn value_to_json(&mut self, v: &Value) -> PyResult<serde_json::Value> {
        let mut open = Vec::new();
        self.json_of(v, &mut open)
    }

    /// `value_to_json`; `open` holds the containers being encoded (the encoder's markers).
    fn json_of(&mut self, v: &Value, open: &mut Vec<usize>) -> PyResult<serde_json::Value> {
        // The JSON tree of a big result can outgrow the heap budget by itself.
        if crate::budget::over() {
            return Err(self.heap_overrun());
        }
        let container = match v {
            Value::Obj(o) => matches!(
                o.get(),
                Object::List(_) | Object::Tuple(_) | Object::Dict(_) | Object::Instance(_)
            )
            .then(|| o.addr()),
            _ => None,
        };
        let Some(id) = container else {
            return self.json_body(v, open);
        };
        if open.contains(&id) {
            return Err(self.value_error("Circular reference detected"));
        }
        open.push(id);
        let r = self.nested(nest::JSON, |vm| vm.json_body(v, open));
        open.pop();
        r
    }

    /// One value as JSON, its items through `json_of`.
    fn json_body(&mut self, v: &Value, open: &mut Vec<usize>) -> PyResult<serde_json::Value> {
        Ok(match v {
            Value::None => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Float(f) => {
                if !f.is_finite() {
                    return Err(
                        self.value_error("Out of range float values are not JSON compliant")
                    );
                }
                match serde_json::Number::from_f64(*f) {
                    Some(n) => serde_json::Value::Number(n),
                    None => {
                        return Err(
                            self.value_error("Out of range float values are not JSON compliant")
                        )
                    }
                }
            }
            Value::Str(s) => serde_json::Value::String(s.as_str().to_string()),
            Value::Obj(o) => match o.get() {
                // A lone surrogate has no place in the job's UTF-8 JSON reply.
                Object::Str(s) if s.wide.is_some() => {
                    return Err(crate::stdlib::codec_text::surrogate_encode_error(self, v))
                }
                Object::Str(s) => serde_json::Value::String(s.text.to_string()),
                Object::BigInt(b) => {
                    let text = b.to_string();
                    match serde_json::from_str::<serde_json::Value>(&text) {
                        Ok(j) => j,
                        Err(_) => return Err(self.not_serializable(v)),
                    }
                }
                Object::List(_) | Object::Tuple(_) => {
                    let items = self.seq_items(v);
                    let mut out = Vec::with_capacity(items.len());
                    for it in &items {
                        out.push(self.json_of(it, open)?);
                    }
                    serde_json::Value::Array(out)
                }
                Object::Dict(d) => {
                    let pairs: Vec<(Value, Value)> =
                        d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    let mut map = serde_json::Map::new();
                    for (k, val) in pairs {
                        let key = match &k {
                            Value::Bool(b) => {
                                if *b {
                                    "true".to_string()
                                } else {
                                    "false".to_string()
                                }
                            }
                            Value::None => "null".to_string(),
                            Value::Int(_) | Value::Float(_) => self.repr(&k)?,
                            _ => match k.as_str() {
                                Some(s) => s.to_string(),
                                None => match k.body() {
                                    Some(Object::BigInt(b)) => b.to_string(),
                                    _ => {
                                        return Err(self.type_error(format!(
                                            "keys must be str, int, float, bool or None, not {}",
                                            self.type_name(&k)
                                        )))
                                    }
                                },
                            },
                        };
                        let jv = self.json_of(&val, open)?;
                        map.insert(key, jv);
                    }
                    serde_json::Value::Object(map)
                }
                Object::Instance(i) if !i.base.is_null() => {
                    let b = i.base.clone();
                    return self.json_of(&b, open);
                }
                _ => return Err(self.not_serializable(v)),
            },
            _ => return Err(self.not_serializable(v)),
        })
    }
}
