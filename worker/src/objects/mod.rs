//! One module per Python type: its constructor, its method table, its operators, its repr
//! and its iteration.

pub(crate) mod methods;
