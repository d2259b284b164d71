//! Tests of `format` against outputs recorded from CPython 3.11.

use num_bigint::BigInt;

use super::*;
use crate::error::{ErrorKind, LibError, LibResult};
use crate::text::str_repr;

fn py_err(e: LibError) -> String {
    format!("!{}: {}", e.kind, e.message)
}

fn shown(r: LibResult<String>) -> String {
    match r {
        Ok(v) => v,
        Err(e) => format!("!{}: {}", e.kind, e.message),
    }
}

fn check(
    table: &[(&str, &str, &str)],
    type_name: &str,
    render: impl Fn(&str, &FormatSpec) -> LibResult<String>,
) {
    let mut failures = Vec::new();
    for &(value, spec, want) in table {
        let got = shown(parse_format_spec(spec, type_name).and_then(|s| render(value, &s)));
        if got != want {
            failures.push(format!(
                "format({value}, {spec:?}): got {got:?}, CPython says {want:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn float_formatting_matches_cpython() {
    check(FLOAT_CASES, "float", |v, s| {
        format_float(v.parse().expect("test literal is a float"), s)
    });
}

#[test]
fn int_formatting_matches_cpython() {
    check(INT_CASES, "int", |v, s| {
        format_int(&v.parse().expect("test literal is an int"), s)
    });
    check(INT_CASES, "int", |v, s| match v.parse::<i64>() {
        Ok(small) => format_i64(small, s),
        Err(_) => format_int(&v.parse().expect("test literal is an int"), s),
    });
}

#[test]
fn str_formatting_matches_cpython() {
    check(STR_CASES, "str", format_str);
}

#[test]
fn spec_errors_name_the_type() {
    let err = parse_format_spec("abc", "bool").unwrap_err();
    assert_eq!(
        err.message,
        "Invalid format specifier 'abc' for object of type 'bool'"
    );
    let spec = parse_format_spec("s", "bool").expect("valid spec");
    assert_eq!(
        format_int(&BigInt::from(1), &spec).unwrap_err().message,
        "Unknown format code 's' for object of type 'bool'"
    );
    assert_eq!(
        parse_format_spec("\u{1}", "int")
            .map(|s| format_int(&BigInt::from(1), &s))
            .unwrap()
            .unwrap_err()
            .message,
        "Unknown format code '\\x1' for object of type 'int'"
    );
    let spec = parse_format_spec("\u{7f}", "int").expect("valid spec");
    assert_eq!(
        format_int(&BigInt::from(1), &spec).unwrap_err().message,
        "Unknown format code '\u{7f}' for object of type 'int'"
    );
    let spec = parse_format_spec("<\u{665}", "int").expect("Unicode digits are a width");
    assert_eq!(spec.width, Some(5));
}

#[test]
fn fixed_fast_path_agrees_with_exact_formatting() {
    // The integer fast path must spell every value exactly as the (slower) exact
    // formatter does, ties to even included.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for i in 0..20_000u64 {
        let x = match i % 3 {
            0 => f64::from_bits(next()),
            1 => (next() % 2_000_000) as f64 / 1000.0 - 1000.0,
            _ => ((next() % 100_000) as f64 + 0.5) / 10f64.powi((next() % 6) as i32),
        };
        if !x.is_finite() {
            continue;
        }
        let precision = (next() % 18) as usize;
        assert_eq!(
            fixed_notation(x, precision),
            format!("{:.*}", precision, x),
            "{x:e}"
        );
    }
    assert_eq!(fixed_notation(-0.0, 2), "-0.00");
    assert_eq!(fixed_notation(2.5, 0), "2");
    assert_eq!(fixed_notation(0.125, 2), "0.12");
    assert_eq!(fixed_notation(1e300, 0).len(), 301);
}

#[test]
fn float_text_helpers_match_cpython() {
    assert_eq!(float_to_string_fixed(2.675, 2), "2.67");
    assert_eq!(float_to_string_fixed(0.5, 0), "0");
    assert_eq!(float_to_string_fixed(1.5, 0), "2");
    assert_eq!(float_to_string_fixed(-0.001, 2), "-0.00");
    assert_eq!(float_to_string_fixed(1e300, 1).len(), 303);
    assert_eq!(float_to_string_exp(12345.678, 2, false), "1.23e+04");
    assert_eq!(float_to_string_exp(0.0, 0, true), "0E+00");
    assert_eq!(float_to_string_general(1e16, 6, false, false), "1e+16");
    assert_eq!(
        float_to_string_general(0.000012345, 6, false, false),
        "1.2345e-05"
    );
    assert_eq!(float_to_string_general(100000.0, 6, false, false), "100000");
    assert_eq!(float_to_string_general(1000000.0, 6, true, false), "1E+06");
    assert_eq!(float_to_string_general(1.0, 3, false, true), "1.00");
    assert_eq!(float_to_string_code(0.1, 'r', 0, false), "0.1");
    assert_eq!(
        float_to_string_code(f64::NEG_INFINITY, 'F', 2, false),
        "-INF"
    );
    // Precisions beyond what Rust's formatter accepts still give exact digits.
    let long = float_to_string_fixed(0.1, 70_000);
    assert_eq!(long.len(), 70_002);
    assert!(long.starts_with("0.1000000000000000055511151231257827"));
    assert!(long.ends_with("000"));
    let long = float_to_string_exp(1.5, 70_000, false);
    assert_eq!(long.len(), 70_006);
    assert!(long.ends_with("0e+00"));
}

fn percent_args(args: &[(&str, &str, &str)]) -> Vec<PercentArg> {
    args.iter()
        .map(|&(kind, text, repr)| match kind {
            "i" => PercentArg::Int(text.parse().expect("test literal is an int")),
            "f" => PercentArg::Float(text.parse().expect("test literal is a float")),
            "b" => PercentArg::Bool(text == "True"),
            _ => PercentArg::Str {
                text: text.to_string(),
                repr: repr.to_string(),
                type_name: "str".to_string(),
            },
        })
        .collect()
}

#[test]
fn percent_formatting_matches_cpython() {
    for &(fmt, args, want) in PERCENT_CASES {
        let got = shown(percent_format(fmt, &percent_args(args)));
        assert_eq!(got, want, "{fmt:?} % {args:?}");
    }
}

#[test]
fn absurd_widths_raise_memory_error() {
    let spec = parse_format_spec("99999999999", "int").expect("valid spec");
    assert_eq!(
        format_int(&BigInt::from(1), &spec).unwrap_err().kind.name(),
        "MemoryError"
    );
    let spec = parse_format_spec(".99999999999f", "float").expect("valid spec");
    assert_eq!(
        format_float(1.0, &spec).unwrap_err().message,
        "precision too big"
    );
    let spec = parse_format_spec("99999999999999", "float").expect("valid spec");
    assert_eq!(
        format_float(1.0, &spec).unwrap_err().kind.name(),
        "MemoryError"
    );
    let spec = parse_format_spec("99999999999", "str").expect("valid spec");
    assert_eq!(
        format_str("a", &spec).unwrap_err().kind.name(),
        "MemoryError"
    );
    let err = percent_format("%99999999999d", &[PercentArg::Int(BigInt::from(1))]).unwrap_err();
    assert_eq!(err.kind.name(), "MemoryError");
}

#[test]
fn percent_formatting_of_bools() {
    let args = [
        PercentArg::Bool(true),
        PercentArg::Bool(false),
        PercentArg::Bool(true),
        PercentArg::Bool(true),
    ];
    // '%s %r %d %.1f' % (True, False, True, True) in CPython:
    assert_eq!(
        percent_format("%s %r %d %.1f", &args),
        Ok("True False 1 1.0".to_string())
    );
    let as_text = |b: bool| PercentArg::Str {
        text: if b { "True" } else { "False" }.into(),
        repr: if b { "True" } else { "False" }.into(),
        type_name: "bool".into(),
    };
    // '%s %x %05.1f' % (True, False, True) in CPython:
    let args = [as_text(true), as_text(false), as_text(true)];
    assert_eq!(
        percent_format("%s %x %05.1f", &args),
        Ok("True 0 001.0".to_string())
    );
}

#[test]
fn percent_formatting_with_a_mapping() {
    let mut lookup = |key: &str| match key {
        "a" => Ok(PercentArg::Int(BigInt::from(1))),
        "b" => Ok(PercentArg::Float(2.0)),
        other => Err(LibError::new(ErrorKind::KeyError, str_repr(other))),
    };
    let got = percent_format_with("%(a)s %(b)5.2f %%", &[], Some(&mut lookup));
    assert_eq!(got, Ok("1  2.00 %".to_string()));
    let dict = [PercentArg::Str {
        text: "{'a': 1}".into(),
        repr: "{'a': 1}".into(),
        type_name: "dict".into(),
    }];
    // '%s %(a)s' % {'a': 1} and '%(a)s %s' % {'a': 1} in CPython:
    let got = percent_format_with("%s %(a)s", &dict, Some(&mut lookup));
    assert_eq!(got, Ok("{'a': 1} 1".to_string()));
    let err = percent_format_with("%(a)s %s", &dict, Some(&mut lookup)).unwrap_err();
    assert_eq!(err.message, "not enough arguments for format string");
    let err = percent_format_with("%(a", &dict, Some(&mut lookup)).unwrap_err();
    assert_eq!(err.message, "incomplete format key");
    let err = percent_format_with("%(zz)s", &[], Some(&mut lookup)).unwrap_err();
    assert_eq!(
        (err.kind.name(), err.message.as_str()),
        ("KeyError", "'zz'")
    );
}

/// `format(value, spec)` as printed by CPython 3.11.
const FLOAT_CASES: &[(&str, &str, &str)] = &[
        ("123456.789", "x>0,.18d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("inf", "5.15d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("inf", "", "inf"),
        ("1e+20", "\u{e9}=-#_.7s", "!ValueError: Cannot specify '_' with 's'."),
        ("1e+20", "x<#g", "1.00000e+20"),
        ("inf", "0<#19.8d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("inf", "5.3", "  inf"),
        ("1e-07", "x>1,.0", "1e-07"),
        ("-0.0", " _E", "-0.000000E+00"),
        ("nan", "z.18", "nan"),
        ("-1234.5678", "x=019.9", "-xxxxxxxxx1234.5678"),
        ("inf", "-23.9", "                    inf"),
        ("1e+20", "#.2c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
        ("-0.0", "0^F", "-0.000000"),
        ("inf", "_n", "!ValueError: Cannot specify '_' with 'n'."),
        ("-inf", " <d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
        ("0.0", "018,G", "00,000,000,000,000"),
        ("2.675", "+0_.4X", "!ValueError: Unknown format code 'X' for object of type 'float'"),
        ("nan", "16.18", "             nan"),
        ("inf", "20_.9e", "                 inf"),
        ("-1234.5678", " <-#18.20n", "-1234.5678000000000338"),
        ("0.0", " ^6.14x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
        ("-1234.5678", " 9,.1", "   -1e+03"),
        ("0.0", "z11.2E", "   0.00E+00"),
        ("-0.0", " =2%", "-0.000000%"),
        ("0.5", "-", "0.5"),
        ("1e-07", "\u{e9}<14.8s", "!ValueError: Unknown format code 's' for object of type 'float'"),
        ("nan", " >7", "    nan"),
        ("123456.789", "_", "123_456.789"),
        ("2.675", " ", " 2.675"),
        ("nan", " <12g", "nan         "),
        ("0.5", "+00.13", "+0.5"),
        ("2.675", " ,e", " 2.675000e+00"),
        ("0.5", ",.11", "0.5"),
        ("0.0", "+.16f", "+0.0000000000000000"),
        ("0.5", "x>#0,.9F", "0.500000000"),
        ("123456.789", "x^+n", "+123457"),
        ("123456.789", "*=n", "123457"),
        ("inf", " <.19", "inf"),
        ("123456.789", "24%", "        12345678.900000%"),
        ("100.0", ".2f", "100.00"),
        ("-3.14159", "_.3f", "-3.142"),
        ("99.99", "", "99.99"),
        ("123456789.987654", "x>10.1%", "12345678998.8%"),
        ("1e+22", ".3g", "1e+22"),
        ("0.1", "#", "0.1"),
        ("-0.0001", "E", "-1.000000E-04"),
        ("9.999999", ".2n", "10"),
        ("1234.5", "G", "1234.5"),
        ("1.7976931348623157e+308", ".3e", "1.798e+308"),
        ("-0.0", "g", "-0"),
        ("-0.0001", "e", "-1.000000e-04"),
        ("1.5e+300", "^12", "  1.5e+300  "),
        ("999999.5", ">12", "    999999.5"),
        ("-3.14159", "<12", "-3.14159    "),
        ("1234.5", "e", "1.234500e+03"),
        ("0.5", "E", "5.000000E-01"),
        ("2.675", " .2f", " 2.67"),
        ("2.5", ".3", "2.5"),
        ("1.2345e-05", "+.2f", "+0.00"),
        ("1.5e+300", "012", "00001.5e+300"),
        ("1e-05", "#g", "1.00000e-05"),
        ("-3.14159", "#g", "-3.14159"),
        ("1.2345e-05", "n", "1.2345e-05"),
        ("1.7976931348623157e+308", ".3", "1.8e+308"),
        ("2.5", "G", "2.5"),
        ("inf", "x>10.1%", "xxxxxxinf%"),
        ("0.0", "+.2f", "+0.00"),
        ("9.999999", " .2f", " 10.00"),
        ("3.14159", ".0f", "3"),
        ("0.0001", ".0f", "0"),
        ("1e+16", "_.3f", "10_000_000_000_000_000.000"),
        ("0.125", "012", "00000000.125"),
        ("1e-05", "G", "1E-05"),
        ("999999.5", "", "999999.5"),
        ("1e-05", ".10g", "1e-05"),
        ("2.675", ",", "2.675"),
        ("99.99", "#.0e", "1.e+02"),
        ("1e+22", "#.3g", "1.00e+22"),
        ("1.5", "", "1.5"),
        ("-2.5", "+z.2f", "-2.50"),
        ("nan", "#.0f", "nan"),
        ("nan", "+z.2f", "+nan"),
        ("1e-07", "012", "00000001e-07"),
        ("-2.5", "#g", "-2.50000"),
        ("-2.5", "+", "-2.5"),
        ("0.0", ".1f", "0.0"),
        ("1e-05", "<12", "1e-05       "),
        ("0.0", "g", "0"),
        ("1.0", ".12", "1.0"),
        ("999999.5", ".0g", "1e+06"),
        ("3.14159", "", "3.14159"),
        ("2.675", ".2n", "2.7"),
        ("1e-05", "^12", "   1e-05    "),
        ("2.675", "015e", "0002.675000e+00"),
        ("1000000000000000.0", "f", "1000000000000000.000000"),
        ("123456789.0", ".6f", "123456789.000000"),
        ("1.0", "#.3g", "1.00"),
        ("1.7976931348623157e+308", "+.2f", "+179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00"),
        ("1e-05", "012,.2f", "0,000,000.00"),
        ("0.1", ".0g", "0.1"),
        ("100.0", ".3e", "1.000e+02"),
        ("1.0", " .2f", " 1.00"),
        ("1.0", ".3g", "1"),
        ("1e-05", "", "1e-05"),
        ("1000000000000000.0", "=12", "1000000000000000.0"),
        ("0.0", "n", "0"),
        ("1.2345e-05", "f", "0.000012"),
        ("0.0001", ".0g", "0.0001"),
        ("2.675", "f", "2.675000"),
        ("1e+16", ".2f", "10000000000000000.00"),
        ("0.5", ".3", "0.5"),
        ("123456789.0", "#", "123456789.0"),
        ("1000000000000000.0", "012", "1000000000000000.0"),
        ("12345.6789", "E", "1.234568E+04"),
        ("nan", "g", "nan"),
        ("-inf", "*^15.3f", "*****-inf******"),
        ("0.0", "e", "0.000000e+00"),
        ("-inf", "n", "-inf"),
        ("0.30000000000000004", "010.2f", "0000000.30"),
        ("123456789.987654", "e", "1.234568e+08"),
        ("0.5", ".17", "0.5"),
        ("1000000000000000.0", "015e", "0001.000000e+15"),
        ("123456789.987654", "#.0e", "1.e+08"),
        ("12345.6789", "g", "12345.7"),
        ("1000000000000000.0", "z.1f", "1000000000000000.0"),
        ("-1.5e-300", "f", "-0.000000"),
        ("0.30000000000000004", ".6f", "0.300000"),
        ("123456789.0", ".0e", "1e+08"),
        ("0.125", ".3", "0.125"),
        ("-1.5e-300", ".6f", "-0.000000"),
        ("1.5e+300", ".12", "1.5e+300"),
        ("0.30000000000000004", "^12", "0.30000000000000004"),
        ("0.125", "%", "12.500000%"),
        ("0.5", ".1%", "50.0%"),
        ("-3.14159", ",g", "-3.14159"),
        ("0.0", "015e", "0000.000000e+00"),
        ("99.99", ".0g", "1e+02"),
        ("123456789.987654", "015e", "0001.234568e+08"),
        ("-0.0001", "#.3g", "-0.000100"),
        ("1e-05", "#.3", "1.00e-05"),
        ("0.0", ".17", "0.0"),
        ("1.7976931348623157e+308", "015e", "001.797693e+308"),
        ("999999.5", ".2n", "1e+06"),
        ("0.0001", "*^15.3f", "*****0.000*****"),
        ("1.2345e-05", "#g", "1.23450e-05"),
        ("1.2345e-05", ".3", "1.23e-05"),
        ("-inf", "E", "-INF"),
        ("-0.0001", ".3e", "-1.000e-04"),
        ("0.0", ".1%", "0.0%"),
        ("1e-07", ".2n", "1e-07"),
        ("-0.0", "015e", "-000.000000e+00"),
        ("0.125", " .2f", " 0.12"),
        ("100.0", ".1f", "100.0"),
        ("1.0", "g", "1"),
        ("2.5", "-^20g", "--------2.5---------"),
        ("99.99", "010.2f", "0000099.99"),
        ("-3.14159", ".10g", "-3.14159"),
        ("12345.6789", "G", "12345.7"),
        ("1.5e+300", "#.3g", "1.50e+300"),
        ("123456789.987654", "10", "123456789.987654"),
        ("5e-324", "<12", "5e-324      "),
        ("123456789.987654", "#.0f", "123456790."),
        ("5e-324", ".2n", "4.9e-324"),
        ("-3.14159", "=12", "-    3.14159"),
        ("999999.5", "<12", "999999.5    "),
        ("1.5e+300", ".0g", "2e+300"),
        ("2.5", "+", "+2.5"),
        ("-inf", ",.2f", "-inf"),
        ("99.99", ".10g", "99.99"),
        ("999999.5", ",.2f", "999,999.50"),
        ("1.2345e-05", "%", "0.001234%"),
        ("-0.0001", ".2n", "-0.0001"),
        ("1000000000000000.0", "%", "100000000000000000.000000%"),
        ("-0.0", "+.2f", "-0.00"),
        ("1e-07", "f", "0.000000"),
        ("1.5", "+z.2f", "+1.50"),
        ("1.0", ",g", "1"),
        ("123456789.987654", ".3g", "1.23e+08"),
        ("5e-324", ">12", "      5e-324"),
        ("nan", "+", "+nan"),
        ("1.2345e-05", ".3e", "1.234e-05"),
        ("2.675", ".0e", "3e+00"),
        ("123456789.987654", "g", "1.23457e+08"),
        ("1e+16", "+", "+1e+16"),
        ("0.30000000000000004", "%", "30.000000%"),
        ("1.7976931348623157e+308", "z.1f", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0"),
        ("1.5", "#.0e", "2.e+00"),
        ("123456789.0", ".0f", "123456789"),
        ("0.1", ",", "0.1"),
        ("123456789.0", ".3g", "1.23e+08"),
        ("1000000000000000.0", "+z.2f", "+1000000000000000.00"),
        ("0.125", "<12", "0.125       "),
        ("1e+22", ".1%", "999999999999999983222784.0%"),
        ("1.5", ".10g", "1.5"),
        ("100.0", ".0e", "1e+02"),
        ("2.675", "g", "2.675"),
        ("9.999999", "e", "9.999999e+00"),
        ("0.1", "+z.2f", "+0.10"),
        ("1000000000000000.0", ".2n", "1e+15"),
        ("-1.5e-300", "g", "-1.5e-300"),
        ("2.675", ".12", "2.675"),
        ("9.999999", "f", "9.999999"),
        ("0.5", ".2f", "0.50"),
        ("1.5", ".1%", "150.0%"),
        ("nan", ".6f", "nan"),
        ("1.7976931348623157e+308", "#g", "1.79769e+308"),
        ("1e-05", "-^20g", "-------1e-05--------"),
        ("-0.0", ".0g", "-0"),
        ("3.14159", ".2n", "3.1"),
    ];
const INT_CASES: &[(&str, &str, &str)] = &[
    (
        "-10000000000000000000",
        "-_b",
        "-1000_1010_1100_0111_0010_0011_0000_0100_1000_1001_1110_1000_0000_0000_0000_0000",
    ),
    ("0", "0^25", "0000000000000000000000000"),
    (
        "255",
        "*^+s",
        "!ValueError: Unknown format code 's' for object of type 'int'",
    ),
    (
        "192300",
        "<_.3c",
        "!ValueError: Cannot specify '_' with 'c'.",
    ),
    (
        "-10000000000000000000",
        "+2%",
        "-1000000000000000000000.000000%",
    ),
    (
        "255",
        " ^24.12",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    ("-10000000000000000000", "+03E", "-1.000000E+19"),
    ("255", " <9o", "377      "),
    ("0", "\u{e9}^.19E", "0.0000000000000000000E+00"),
    ("0", "\u{e9}>", "0"),
    ("-10000000000000000000", "*^+.15E", "-1.000000000000000E+19"),
    (
        "0",
        ".13",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    (
        "-12345678",
        "\u{e9}^-#0.14X",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    ("0", "+#20X", "                +0X0"),
    ("-12345678", "05x", "-bc614e"),
    ("0", "-", "0"),
    (
        "-1",
        "+0s",
        "!ValueError: Unknown format code 's' for object of type 'int'",
    ),
    ("42", "X", "2A"),
    ("-12345678", "<-15%", "-1234567800.000000%"),
    ("0", " X", " 0"),
    ("0", " >#0_s", "!ValueError: Cannot specify '_' with 's'."),
    ("42", "<#9", "42       "),
    (
        "-12345678",
        " >.3",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    ("255", "_E", "2.550000E+02"),
    ("-1", "_G", "-1"),
    ("-12345678", "_F", "-12_345_678.000000"),
    (
        "255",
        "^ .20s",
        "!ValueError: Unknown format code 's' for object of type 'int'",
    ),
    (
        "10000000000000000000000000",
        ".10f",
        "10000000000000000905969664.0000000000",
    ),
    ("-12345678", " >10g", "-1.23457e+07"),
    ("0", "", "0"),
    (
        "255",
        "<.19x",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    ("-12345678", "*>_", "-12_345_678"),
    (
        "42",
        "x<z25s",
        "!ValueError: Unknown format code 's' for object of type 'int'",
    ),
    (
        "0",
        "_.2",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    ("0", "4.1G", "   0"),
    (
        "10000000000000000000000000",
        "\u{e9}=",
        "10000000000000000000000000",
    ),
    ("42", "21g", "                   42"),
    ("-12345678", ">0_b", "-1011_1100_0110_0001_0100_1110"),
    (
        "255",
        "0.0s",
        "!ValueError: Unknown format code 's' for object of type 'int'",
    ),
    ("-1", "x=,o", "!ValueError: Cannot specify ',' with 'o'."),
    (
        "1000000000000000000000000000000",
        "1",
        "1000000000000000000000000000000",
    ),
    ("1114112", "+d", "+1114112"),
    ("1234", "n", "1234"),
    ("255", "", "255"),
    ("1234567", ".1e", "1.2e+06"),
    ("18446744073709551616", "+#x", "+0x10000000000000000"),
    ("1234567", "b", "100101101011010000111"),
    ("7", "010,", "00,000,007"),
    ("1", " d", " 1"),
    ("18446744073709551616", ",", "18,446,744,073,709,551,616"),
    ("0", "g", "0"),
    ("-1234567", "x=+#12_X", "-0Xxx12_D687"),
    ("1234", "d", "1234"),
    ("-7", "F", "-7.000000"),
    ("7", "b", "111"),
    (
        "1000000000000000000000000000000",
        "#010x",
        "0xc9f2c9cd04674edea40000000",
    ),
    ("1114111", "<8", "1114111 "),
    ("7", "#X", "0X7"),
    ("18446744073709551616", "#X", "0X10000000000000000"),
    ("-1234", "-^+9", "---1234--"),
    ("-1", "<8", "-1      "),
    ("-7", "d", "-7"),
    ("1234567", "_b", "1_0010_1101_0110_1000_0111"),
    ("1234", "-^+9", "--+1234--"),
    ("7", "<8", "7       "),
    ("1", "_", "1"),
    ("1234567", "o", "4553207"),
    ("-255", "x", "-ff"),
    ("7", ",", "7"),
    ("1234567", "08_b", "1_0010_1101_0110_1000_0111"),
    ("1114112", "-^+9", "+1114112-"),
    ("-7", "x", "-7"),
    ("65", "<8", "65      "),
    ("123456789", "+d", "+123456789"),
    ("-1234567", "%", "-123456700.000000%"),
    ("-1180591620717411303421", "^9", "-1180591620717411303421"),
    (
        "1000000000000000000000000000000",
        "^9",
        "1000000000000000000000000000000",
    ),
    ("-255", "=+8", "-    255"),
    ("-1234567", "*^10", "*-1234567*"),
    ("255", "<8", "255     "),
    ("255", "F", "255.000000"),
    ("-1234567", " d", "-1234567"),
    ("-1234", "e", "-1.234000e+03"),
    ("7", "0=12,", "0,000,000,007"),
    ("-1", "e", "-1.000000e+00"),
    ("-1234", "x", "-4d2"),
    ("65", "c<5", "65ccc"),
    ("-7", "+d", "-7"),
    ("18446744073709551616", "o", "2000000000000000000000"),
    ("65", "d", "65"),
    ("1234", "b", "10011010010"),
    ("-7", " d", "-7"),
    ("-1", "b", "-1"),
    ("-1234567", "*=10,d", "-1,234,567"),
    ("255", "0=12,", "0,000,000,255"),
    ("65", "_", "65"),
    ("1114111", "#o", "0o4177777"),
    ("65", "o", "101"),
    ("1234", "#010x", "0x000004d2"),
    ("1", "010,", "00,000,001"),
    ("1234", "*^10", "***1234***"),
    (
        "-1180591620717411303421",
        "%",
        "-118059162071741130342400.000000%",
    ),
    ("1114112", "b", "100010000000000000000"),
    ("18446744073709551616", "F", "18446744073709551616.000000"),
    ("0", "010", "0000000000"),
    ("-255", "-d", "-255"),
    ("1234", ".2f", "1234.00"),
    ("1114111", "_b", "1_0000_1111_1111_1111_1111"),
    (
        "-1180591620717411303421",
        "F",
        "-1180591620717411303424.000000",
    ),
    ("-1180591620717411303421", "o", "-177777777777777777777775"),
    ("255", ".2f", "255.00"),
    ("-1234567", "e", "-1.234567e+06"),
    ("255", "-d", "255"),
    ("-1180591620717411303421", "#010x", "-0x3ffffffffffffffffd"),
    ("-255", "d", "-255"),
    ("1234", "#X", "0X4D2"),
    ("18446744073709551616", "#010x", "0x10000000000000000"),
    ("-7", "05d", "-0007"),
    ("1114111", ".1e", "1.1e+06"),
    ("0", "n", "0"),
    ("-1234567", "_x", "-12_d687"),
    ("1114111", "#X", "0X10FFFF"),
    ("123456789", "08_b", "111_0101_1011_1100_1101_0001_0101"),
    ("-255", "010", "-000000255"),
    ("-1180591620717411303421", "#X", "-0X3FFFFFFFFFFFFFFFFD"),
    ("123456789", "x", "75bcd15"),
    ("-1234567", "#x", "-0x12d687"),
    ("255", "08_b", "1111_1111"),
    ("65", "x", "41"),
    ("18446744073709551616", ">8", "18446744073709551616"),
    (
        "-1180591620717411303421",
        "#b",
        "-0b1111111111111111111111111111111111111111111111111111111111111111111101",
    ),
    ("1234", "<8", "1234    "),
    ("1234", "-d", "1234"),
    ("-1180591620717411303421", ".1e", "-1.2e+21"),
    (
        "18446744073709551616",
        "0=12,",
        "18,446,744,073,709,551,616",
    ),
    ("1234", "05d", "01234"),
    ("-1234", "010", "-000001234"),
    ("1234", "_", "1_234"),
    ("-7", "b", "-111"),
    ("-1180591620717411303421", ">8", "-1180591620717411303421"),
    ("1234567", "010", "0001234567"),
    ("1234", "%", "123400.000000%"),
    ("123456789", "e", "1.234568e+08"),
    ("65", "#_x", "0x41"),
    ("7", "_", "7"),
    ("65", "%", "6500.000000%"),
    ("7", "F", "7.000000"),
    ("-7", "g", "-7"),
    ("1234", "+#x", "+0x4d2"),
    ("-1234567", "010,", "-1,234,567"),
    (
        "0",
        ".3",
        "!ValueError: Precision not allowed in integer format specifier",
    ),
    (
        "0",
        "s",
        "!ValueError: Unknown format code 's' for object of type 'int'",
    ),
    (
        "0",
        "z",
        "!ValueError: Negative zero coercion (z) not allowed in integer format specifier",
    ),
    (
        "0",
        "+c",
        "!ValueError: Sign not allowed with integer format specifier 'c'",
    ),
    (
        "0",
        "#c",
        "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
    ),
    ("0", ",x", "!ValueError: Cannot specify ',' with 'x'."),
    ("0", "_n", "!ValueError: Cannot specify '_' with 'n'."),
    ("-1", "c", "!OverflowError: %c arg not in range(0x110000)"),
    (
        "18446744073709551616",
        "c",
        "!OverflowError: Python int too large to convert to C long",
    ),
];
const STR_CASES: &[(&str, &str, &str)] = &[
    (
        "",
        "=24.9d",
        "!ValueError: Unknown format code 'd' for object of type 'str'",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        " >z0",
        "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
    ),
    ("h\u{e9}llo w\u{f6}rld", "8", "h\u{e9}llo w\u{f6}rld"),
    (
        "abc",
        "x<-f",
        "!ValueError: Unknown format code 'f' for object of type 'str'",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        ".9b",
        "!ValueError: Unknown format code 'b' for object of type 'str'",
    ),
    (
        "abc",
        "3_E",
        "!ValueError: Unknown format code 'E' for object of type 'str'",
    ),
    (
        "",
        "+#17,E",
        "!ValueError: Unknown format code 'E' for object of type 'str'",
    ),
    (
        "",
        "0=z18.5",
        "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
    ),
    (
        "abc",
        "-.15c",
        "!ValueError: Unknown format code 'c' for object of type 'str'",
    ),
    (
        "",
        "0_X",
        "!ValueError: Unknown format code 'X' for object of type 'str'",
    ),
    ("abc", " ,.6", "!ValueError: Cannot specify ',' with 's'."),
    ("", "05.10", "00000"),
    (
        "abc",
        "0>o",
        "!ValueError: Unknown format code 'o' for object of type 'str'",
    ),
    (
        "",
        "-z22",
        "!ValueError: Sign not allowed in string format specifier",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        "2_%",
        "!ValueError: Unknown format code '%' for object of type 'str'",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        " ^n",
        "!ValueError: Unknown format code 'n' for object of type 'str'",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        " 18",
        "!ValueError: Space not allowed in string format specifier",
    ),
    (
        "",
        "20.9F",
        "!ValueError: Unknown format code 'F' for object of type 'str'",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        "^o",
        "!ValueError: Unknown format code 'o' for object of type 'str'",
    ),
    (
        "abc",
        "*^+e",
        "!ValueError: Unknown format code 'e' for object of type 'str'",
    ),
    (
        "abc",
        "5.4n",
        "!ValueError: Unknown format code 'n' for object of type 'str'",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        "*=-.8",
        "!ValueError: Sign not allowed in string format specifier",
    ),
    ("", "\u{e9}>0", ""),
    ("", "x=0,", "!ValueError: Cannot specify ',' with 's'."),
    (
        "",
        "*<-05.0s",
        "!ValueError: Sign not allowed in string format specifier",
    ),
    (
        "h\u{e9}llo w\u{f6}rld",
        "^ ",
        "!ValueError: Space not allowed in string format specifier",
    ),
    ("abc", "^6", " abc  "),
    ("xxxxxxxxxxxx", "0>4", "xxxxxxxxxxxx"),
    ("", "10.3", "          "),
    ("xxxxxxxxxxxx", "10.3", "xxx       "),
    ("h\u{e9}llo", ".2", "h\u{e9}"),
    ("a", "^6", "  a   "),
    ("xxxxxxxxxxxx", "<5", "xxxxxxxxxxxx"),
    (
        "\u{65e5}\u{672c}\u{8a9e}",
        "\u{1f600}^5",
        "\u{1f600}\u{65e5}\u{672c}\u{8a9e}\u{1f600}",
    ),
    (
        "\u{65e5}\u{672c}\u{8a9e}",
        "^6",
        " \u{65e5}\u{672c}\u{8a9e}  ",
    ),
    ("xxxxxxxxxxxx", "05", "xxxxxxxxxxxx"),
    ("abc", ".2", "ab"),
    (
        "\u{65e5}\u{672c}\u{8a9e}",
        "10.3",
        "\u{65e5}\u{672c}\u{8a9e}       ",
    ),
    ("abc", ">5", "  abc"),
    ("", "<5", "     "),
    ("a", "10.3", "a         "),
    ("a", "^5", "  a  "),
    ("h\u{e9}llo", "05", "h\u{e9}llo"),
    ("a", ".2", "a"),
    ("a", "0>4", "000a"),
    (
        "\u{65e5}\u{672c}\u{8a9e}",
        "x<05",
        "\u{65e5}\u{672c}\u{8a9e}xx",
    ),
    ("", "^5", "     "),
    ("\u{65e5}\u{672c}\u{8a9e}", "", "\u{65e5}\u{672c}\u{8a9e}"),
    (
        "\u{65e5}\u{672c}\u{8a9e}",
        "05",
        "\u{65e5}\u{672c}\u{8a9e}00",
    ),
    ("xxxxxxxxxxxx", ".0", ""),
    ("", "^6", "      "),
    ("a", "5", "a    "),
    (
        "",
        "\u{1f600}^5",
        "\u{1f600}\u{1f600}\u{1f600}\u{1f600}\u{1f600}",
    ),
    ("xxxxxxxxxxxx", "*^7", "xxxxxxxxxxxx"),
    ("\u{65e5}\u{672c}\u{8a9e}", "s", "\u{65e5}\u{672c}\u{8a9e}"),
    ("", "05", "00000"),
    ("abc", "", "abc"),
    ("", "x<05", "xxxxx"),
    ("abc", "^5", " abc "),
    ("", "5", "     "),
    ("a", "05", "a0000"),
    ("a", "\u{1f600}^5", "\u{1f600}\u{1f600}a\u{1f600}\u{1f600}"),
    ("a", "*^7", "***a***"),
    ("a", ".0", ""),
    ("abc", "x<05", "abcxx"),
    ("abc", ".0", ""),
    ("", ">5", "     "),
    ("abc", "*^7", "**abc**"),
    ("", "0>4", "0000"),
    ("a", "", "a"),
    ("h\u{e9}llo", "", "h\u{e9}llo"),
    ("xxxxxxxxxxxx", ".2", "xx"),
    ("", "", ""),
    ("xxxxxxxxxxxx", "^5", "xxxxxxxxxxxx"),
    ("xxxxxxxxxxxx", "", "xxxxxxxxxxxx"),
    (
        "\u{65e5}\u{672c}\u{8a9e}",
        ">5",
        "  \u{65e5}\u{672c}\u{8a9e}",
    ),
    (
        "",
        "=5",
        "!ValueError: '=' alignment not allowed in string format specifier",
    ),
    (
        "",
        "+",
        "!ValueError: Sign not allowed in string format specifier",
    ),
    (
        "",
        "#",
        "!ValueError: Alternate form (#) not allowed in string format specifier",
    ),
    (
        "",
        "z",
        "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
    ),
    (
        "",
        "d",
        "!ValueError: Unknown format code 'd' for object of type 'str'",
    ),
    ("", ",", "!ValueError: Cannot specify ',' with 's'."),
    ("", "_s", "!ValueError: Cannot specify '_' with 's'."),
];
/// (kind, str(), repr()) of one argument.
type TestArg = (&'static str, &'static str, &'static str);
const PERCENT_CASES: &[(&str, &[TestArg], &str)] = &[
    (
        "|%+#.2c",
        &[("s", "abc", "'abc'")],
        "!TypeError: %c requires int or char",
    ),
    (
        "%- 5.*f|%.*a%10.5%",
        &[
            ("i", "0", ""),
            ("f", "0.0", ""),
            ("i", "4", ""),
            ("i", "-100000000000000000000", ""),
        ],
        "!TypeError: not enough arguments for format string",
    ),
    (
        "ab %# *s",
        &[("i", "-6", ""), ("f", "nan", ""), ("i", "1", "")],
        "!TypeError: not all arguments converted during string formatting",
    ),
    (
        "x%#.5d%# *e",
        &[("f", "-1234.5678", ""), ("i", "8", ""), ("f", "1e-07", "")],
        "x-01234 1.000000e-07",
    ),
    (
        "%-*f",
        &[
            ("i", "-3", ""),
            ("s", "h\u{e9}llo", "'h\u{e9}llo'"),
            ("i", "1", ""),
        ],
        "!TypeError: must be real number, not str",
    ),
    (
        "x%#00.0r|%+.5u",
        &[("i", "-1", ""), ("s", "abc", "'abc'")],
        "!TypeError: %u format: a real number is required, not str",
    ),
    (
        "ab %+0Ex%# 0.0i",
        &[("f", "-0.0", ""), ("f", "0.0", "")],
        "ab -0.000000E+00x 0",
    ),
    (
        "|%+#0.2g|%0+.*g|% 5x",
        &[
            ("b", "True", ""),
            ("i", "2", ""),
            ("i", "42", ""),
            ("f", "-0.0", ""),
        ],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "ab %*.*xx%5.2eab %0-*.5%",
        &[
            ("i", "1", ""),
            ("i", "0", ""),
            ("f", "inf", ""),
            ("b", "False", ""),
            ("i", "-8", ""),
        ],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "%-10.*o%#00.0d",
        &[
            ("i", "6", ""),
            ("i", "100000000000000000000", ""),
            ("b", "False", ""),
        ],
        "126570727426543040000000",
    ),
    ("%# 0F", &[("f", "0.0", "")], " 0.000000"),
    ("|%-10E", &[("f", "nan", "")], "|NAN       "),
    (
        "ab %0X%.0F",
        &[("s", "", "''"), ("i", "-42", "")],
        "!TypeError: %X format: an integer is required, not str",
    ),
    ("% 05g", &[("f", "2.675", "")], " 2.675"),
    (
        "|%5.*sx%+#10.*a",
        &[
            ("i", "3", ""),
            ("f", "0.5", ""),
            ("i", "1", ""),
            ("i", "-42", ""),
        ],
        "|  0.5x         -",
    ),
    (
        "%0#10.0f|%+-*.0Eab %-#5.5r",
        &[
            ("s", "it's", "\"it's\""),
            ("i", "2", ""),
            ("f", "-1234.5678", ""),
            ("i", "0", ""),
        ],
        "!TypeError: must be real number, not str",
    ),
    (
        "|%0-0ix%#5.0x|%10.*a",
        &[
            ("f", "1e-07", ""),
            ("i", "-100000000000000000000", ""),
            ("i", "6", ""),
            ("i", "1", ""),
        ],
        "|0x-0x56bc75e2d63100000|         1",
    ),
    (
        "%*.0F",
        &[("i", "-6", ""), ("i", "0", ""), ("i", "1", "")],
        "!TypeError: not all arguments converted during string formatting",
    ),
    (
        "ab %*.*xx% #.*e",
        &[
            ("i", "3", ""),
            ("i", "3", ""),
            ("f", "2.675", ""),
            ("i", "2", ""),
            ("s", "abc", "'abc'"),
        ],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "% 0rx%0.2i",
        &[("f", "1e+20", ""), ("f", "0.0", "")],
        "1e+20x00",
    ),
    (
        "x%*f% -10.*X|%5.*G",
        &[
            ("i", "0", ""),
            ("s", "it's", "\"it's\""),
            ("i", "3", ""),
            ("f", "-1234.5678", ""),
            ("i", "0", ""),
            ("s", "abc", "'abc'"),
        ],
        "!TypeError: must be real number, not str",
    ),
    (
        "ab %#+5d|%.*o",
        &[
            ("i", "100000000000000000000", ""),
            ("i", "1", ""),
            ("f", "inf", ""),
        ],
        "!TypeError: %o format: an integer is required, not float",
    ),
    (
        "ab %+-.5rab %-*.0Fab %+010F",
        &[
            ("f", "-0.0", ""),
            ("i", "5", ""),
            ("f", "0.5", ""),
            ("b", "False", ""),
        ],
        "ab -0.0ab 0    ab +00.000000",
    ),
    ("%#-E", &[("i", "255", "")], "2.550000E+02"),
    (
        "ab %-*cab %10fx%010.2F",
        &[
            ("i", "8", ""),
            ("s", "", "''"),
            ("f", "1e+20", ""),
            ("i", "-100000000000000000000", ""),
        ],
        "!TypeError: %c requires int or char",
    ),
    (
        "%0o|%-#.2a|%5g",
        &[("f", "1e+20", ""), ("i", "0", ""), ("f", "nan", "")],
        "!TypeError: %o format: an integer is required, not float",
    ),
    (
        "ab %#10i",
        &[("f", "inf", ""), ("i", "1", "")],
        "!OverflowError: cannot convert float infinity to integer",
    ),
    (
        "ab %+10.0gab % 10s%+0e",
        &[("f", "inf", ""), ("i", "-42", ""), ("f", "0.5", "")],
        "ab       +infab        -42+5.000000e-01",
    ),
    (
        "x% -10.2xx%*.*E%0.5i",
        &[
            ("s", "it's", "\"it's\""),
            ("i", "6", ""),
            ("i", "6", ""),
            ("i", "-100000000000000000000", ""),
            ("f", "inf", ""),
        ],
        "!TypeError: %x format: an integer is required, not str",
    ),
    (
        "%+10.0fab %5s",
        &[("f", "1e+20", ""), ("i", "0", "")],
        "+100000000000000000000ab     0",
    ),
    (
        "|%#.*ox%-10.*i%.2u",
        &[
            ("i", "6", ""),
            ("b", "False", ""),
            ("i", "3", ""),
            ("i", "-1", ""),
            ("f", "2.675", ""),
        ],
        "|0o000000x-001      02",
    ),
    (
        "ab %# .5uab %5.5E",
        &[("f", "nan", ""), ("f", "nan", "")],
        "!ValueError: cannot convert float NaN to integer",
    ),
    (
        "|%-+.5e|%5.0Eab % u",
        &[
            ("i", "255", ""),
            ("f", "-1234.5678", ""),
            ("s", "it's", "\"it's\""),
        ],
        "!TypeError: %u format: a real number is required, not str",
    ),
    (
        "%+-*o%# *.2c",
        &[
            ("i", "3", ""),
            ("f", "1e-07", ""),
            ("i", "7", ""),
            ("i", "42", ""),
        ],
        "!TypeError: %o format: an integer is required, not float",
    ),
    (
        "x%+0.*%%5.5r|%.*u",
        &[
            ("i", "0", ""),
            ("i", "0", ""),
            ("i", "3", ""),
            ("f", "0.5", ""),
        ],
        "!ValueError: unsupported format character '%' (0x25) at index 6",
    ),
    (
        "ab %-010%",
        &[],
        "!TypeError: not enough arguments for format string",
    ),
    (
        "|%0E|% 0.2o",
        &[("f", "-1234.5678", ""), ("f", "0.5", "")],
        "!TypeError: %o format: an integer is required, not float",
    ),
    (
        "ab %-#5gx%*a% 0*.*E",
        &[
            ("i", "100000000000000000000", ""),
            ("i", "0", ""),
            ("b", "True", ""),
            ("i", "-3", ""),
            ("i", "0", ""),
            ("i", "42", ""),
        ],
        "ab 1.00000e+20xTrue 4E+01",
    ),
    (
        "ab %10o%#*.*ax%*.5%",
        &[
            ("f", "-1234.5678", ""),
            ("i", "2", ""),
            ("i", "2", ""),
            ("f", "inf", ""),
            ("i", "7", ""),
        ],
        "!TypeError: %o format: an integer is required, not float",
    ),
    (
        "ab %- 5.*E|%0o",
        &[("i", "4", ""), ("f", "-0.0", ""), ("s", "it's", "\"it's\"")],
        "!TypeError: %o format: an integer is required, not str",
    ),
    (
        "% 0*%|%10u%0 0a",
        &[
            ("i", "3", ""),
            ("s", "h\u{e9}llo", "'h\u{e9}llo'"),
            ("i", "42", ""),
        ],
        "!ValueError: unsupported format character '%' (0x25) at index 4",
    ),
    ("ab %*.5G", &[("i", "3", ""), ("f", "inf", "")], "ab INF"),
    (
        "% .*X",
        &[("i", "5", ""), ("s", "abc", "'abc'")],
        "!TypeError: %X format: an integer is required, not str",
    ),
    (
        "ab %#5.*x",
        &[("i", "5", ""), ("i", "-1", "")],
        "ab -0x00001",
    ),
    (
        "|%0.2%%-5r",
        &[("s", "h\u{e9}llo", "'h\u{e9}llo'")],
        "!ValueError: unsupported format character '%' (0x25) at index 5",
    ),
    (
        "ab %*F",
        &[("i", "4", ""), ("s", "h\u{e9}llo", "'h\u{e9}llo'")],
        "!TypeError: must be real number, not str",
    ),
    (
        "x%00.2c",
        &[("f", "0.0", "")],
        "!TypeError: %c requires int or char",
    ),
    (
        "ab %- .0x",
        &[("f", "inf", "")],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "|%5g%+#0.*r",
        &[("f", "0.0", ""), ("i", "2", ""), ("f", "-1234.5678", "")],
        "|    0-1",
    ),
    (
        "x%+ .2dx%010G|%-0*i",
        &[
            ("f", "-1234.5678", ""),
            ("f", "0.0", ""),
            ("i", "5", ""),
            ("f", "0.0", ""),
        ],
        "x-1234x0000000000|0    ",
    ),
    ("x% *d", &[("i", "8", ""), ("i", "42", "")], "x      42"),
    (
        "|%0.2fab %10.*e%*.*x",
        &[
            ("b", "False", ""),
            ("i", "1", ""),
            ("f", "0.0", ""),
            ("i", "7", ""),
            ("i", "5", ""),
            ("i", "-1", ""),
        ],
        "|0.00ab    0.0e+00 -00001",
    ),
    (
        "x%0#5.2x%#+.2e%+*f",
        &[
            ("f", "1e-07", ""),
            ("i", "-100000000000000000000", ""),
            ("i", "3", ""),
            ("f", "-1234.5678", ""),
        ],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "ab %0*.0sx%5.2x",
        &[("i", "4", ""), ("b", "True", ""), ("s", "", "''")],
        "!TypeError: %x format: an integer is required, not str",
    ),
    ("%10.2u", &[("i", "0", "")], "        00"),
    ("|%0.2r", &[("i", "255", "")], "|25"),
    (
        "%#.*cab %#0Xab % 5.*s",
        &[
            ("i", "1", ""),
            ("i", "-42", ""),
            ("i", "1", ""),
            ("i", "2", ""),
            ("i", "-42", ""),
        ],
        "!OverflowError: %c arg not in range(0x110000)",
    ),
    ("|%#0.2f", &[("f", "1e-07", "")], "|0.00"),
    ("|% *.5s", &[("i", "-6", ""), ("f", "1e+20", "")], "|1e+20 "),
    ("|%010.2f", &[("b", "False", "")], "|0000000.00"),
    (
        "|%00dab % -*xab %*.*e",
        &[
            ("i", "100000000000000000000", ""),
            ("i", "1", ""),
            ("f", "1e-07", ""),
            ("i", "-1", ""),
            ("i", "2", ""),
            ("i", "0", ""),
            ("i", "1", ""),
        ],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "%d|%0+5.0f",
        &[("b", "False", ""), ("i", "-1", ""), ("i", "1", "")],
        "!TypeError: not all arguments converted during string formatting",
    ),
    (
        "x% #*.5u",
        &[("i", "-1", ""), ("f", "1e+20", "")],
        "x 100000000000000000000",
    ),
    (
        "%#*e%.2d|%+c",
        &[
            ("i", "1", ""),
            ("i", "0", ""),
            ("f", "-1234.5678", ""),
            ("f", "inf", ""),
        ],
        "!TypeError: %c requires int or char",
    ),
    ("|%-.5G", &[("i", "1", "")], "|1"),
    (
        "x%+0.2%% 5.2ux%.2o",
        &[("f", "0.5", ""), ("i", "0", "")],
        "!ValueError: unsupported format character '%' (0x25) at index 6",
    ),
    (
        "x%.5o|%10.0o|%- *.0r",
        &[
            ("i", "1", ""),
            ("b", "False", ""),
            ("i", "0", ""),
            ("f", "inf", ""),
        ],
        "x00001|         0|",
    ),
    (
        "% 5.0s%*.0X",
        &[("i", "255", ""), ("i", "-6", ""), ("i", "42", "")],
        "     2A    ",
    ),
    (
        "x%10s%+-0.5s|%0.5d",
        &[("f", "2.675", ""), ("b", "True", ""), ("s", "abc", "'abc'")],
        "!TypeError: %d format: a real number is required, not str",
    ),
    (
        "%+05e%-00a|%5.*X",
        &[
            ("i", "100000000000000000000", ""),
            ("f", "-0.0", ""),
            ("i", "2", ""),
            ("i", "100000000000000000000", ""),
        ],
        "+1.000000e+20-0.0|56BC75E2D63100000",
    ),
    (
        "x% -5.0d|% #10.2F",
        &[("f", "inf", ""), ("f", "inf", "")],
        "!OverflowError: cannot convert float infinity to integer",
    ),
    (
        "x%+#10.5i|%#0.2ox%*.*c",
        &[
            ("f", "inf", ""),
            ("b", "False", ""),
            ("i", "8", ""),
            ("i", "5", ""),
            ("b", "True", ""),
        ],
        "!OverflowError: cannot convert float infinity to integer",
    ),
    (
        "ab %#+5.*a|%+*.0Gab %5.*u",
        &[
            ("i", "6", ""),
            ("i", "42", ""),
            ("i", "4", ""),
            ("b", "False", ""),
            ("i", "4", ""),
            ("f", "inf", ""),
        ],
        "!OverflowError: cannot convert float infinity to integer",
    ),
    (
        "%0.2Ex%# .0e",
        &[("f", "-1234.5678", ""), ("f", "inf", "")],
        "-1.23E+03x inf",
    ),
    (
        "%d items, %.2f, %s, %r, %5s, %-5s, %x, %%",
        &[
            ("i", "3", ""),
            ("f", "2.675", ""),
            ("s", "a b", "'a b'"),
            ("s", "q", "'q'"),
            ("s", "xy", "'xy'"),
            ("s", "z", "'z'"),
            ("i", "255", ""),
        ],
        "3 items, 2.67, a b, 'q',    xy, z    , ff, %",
    ),
    (
        "%5d|%-5d|%05d|%+d|% d",
        &[
            ("i", "42", ""),
            ("i", "42", ""),
            ("i", "42", ""),
            ("i", "42", ""),
            ("i", "42", ""),
        ],
        "   42|42   |00042|+42| 42",
    ),
    (
        "%x %X %o %#x %#X %#o %08x %#08x",
        &[
            ("i", "255", ""),
            ("i", "255", ""),
            ("i", "8", ""),
            ("i", "255", ""),
            ("i", "255", ""),
            ("i", "8", ""),
            ("i", "255", ""),
            ("i", "255", ""),
        ],
        "ff FF 10 0xff 0XFF 0o10 000000ff 0x0000ff",
    ),
    (
        "%e %E %g %G %.3e %10.4f %-10.2f| %+.1f",
        &[
            ("f", "12345.678", ""),
            ("f", "0.00012", ""),
            ("f", "1e-05", ""),
            ("f", "1e+20", ""),
            ("f", "3.14159", ""),
            ("f", "2.5", ""),
            ("f", "2.5", ""),
            ("f", "-0.05", ""),
        ],
        "1.234568e+04 1.200000E-04 1e-05 1E+20 3.142e+00     2.5000 2.50      | -0.1",
    ),
    (
        "%s %s",
        &[("i", "1", "")],
        "!TypeError: not enough arguments for format string",
    ),
    (
        "%s",
        &[("i", "1", ""), ("i", "2", "")],
        "!TypeError: not all arguments converted during string formatting",
    ),
    (
        "%d",
        &[("s", "x", "'x'")],
        "!TypeError: %d format: a real number is required, not str",
    ),
    (
        "%x",
        &[("f", "3.0", "")],
        "!TypeError: %x format: an integer is required, not float",
    ),
    (
        "%d %i %u",
        &[("f", "3.9", ""), ("f", "-3.9", ""), ("i", "7", "")],
        "3 -3 7",
    ),
    ("%c%c", &[("i", "65", ""), ("s", "b", "'b'")], "Ab"),
    (
        "%c",
        &[("i", "1114112", "")],
        "!OverflowError: %c arg not in range(0x110000)",
    ),
    (
        "%.2s|%5.1s|",
        &[("s", "hello", "'hello'"), ("s", "world", "'world'")],
        "he|    w|",
    ),
    (
        "%*d|%-*d|%.*f",
        &[
            ("i", "5", ""),
            ("i", "1", ""),
            ("i", "4", ""),
            ("i", "2", ""),
            ("i", "2", ""),
            ("f", "3.14159", ""),
        ],
        "    1|2   |3.14",
    ),
    (
        "%r %a",
        &[("s", "\u{e9}", "'\u{e9}'"), ("s", "\u{e9}", "'\u{e9}'")],
        "'\u{e9}' '\\xe9'",
    ),
    (
        "%z",
        &[("i", "1", "")],
        "!ValueError: unsupported format character 'z' (0x7a) at index 1",
    ),
    ("abc%", &[], "!ValueError: incomplete format"),
    (
        "%(x)s",
        &[("i", "1", "")],
        "!TypeError: format requires a mapping",
    ),
    ("%s", &[("s", "", "''")], ""),
    (
        "%5%",
        &[],
        "!TypeError: not enough arguments for format string",
    ),
    ("%f %F", &[("f", "inf", ""), ("f", "nan", "")], "inf NAN"),
    (
        "%010.2f|%-010.2f|%+010.2f",
        &[
            ("f", "-3.14159", ""),
            ("f", "-3.14159", ""),
            ("f", "3.14159", ""),
        ],
        "-000003.14|-3.14     |+000003.14",
    ),
    (
        "%#.0f %#g %#.3g",
        &[("f", "3.0", ""), ("f", "1.0", ""), ("f", "1.0", "")],
        "3. 1.00000 1.00",
    ),
    (
        "%.0f %.0f %.0f",
        &[("f", "0.5", ""), ("f", "1.5", ""), ("f", "2.5", "")],
        "0 2 2",
    ),
    ("%05s", &[("s", "ab", "'ab'")], "   ab"),
    ("%3c", &[("i", "97", "")], "  a"),
    ("%+s", &[("s", "x", "'x'")], "x"),
    (
        "%.3d|%5.3d|%-+6.3d",
        &[("i", "5", ""), ("i", "-5", ""), ("i", "5", "")],
        "005| -005|+005  ",
    ),
    (
        "%#5x|%#-8o",
        &[("i", "10", ""), ("i", "8", "")],
        "  0xa|0o10    ",
    ),
    (
        "%g %g %g",
        &[
            ("f", "100000.0", ""),
            ("f", "1000000.0", ""),
            ("f", "0.0001", ""),
        ],
        "100000 1e+06 0.0001",
    ),
];

// str.format templates

/// interpreter does (fields with accessors are not supported by this renderer).
fn render(pieces: &[FormatPiece]) -> LibResult<Option<String>> {
    let positional = ["A", "B", "C", "D"];
    let mut out = String::new();
    for piece in pieces {
        match piece {
            FormatPiece::Literal(text) => out.push_str(text),
            FormatPiece::Field(field) => {
                if !field.accessors.is_empty() {
                    return Ok(None);
                }
                let value = match &field.arg {
                    FieldArg::Index(i) => match positional.get(*i) {
                        Some(v) => v.to_string(),
                        None => {
                            return Err(LibError::index(format!(
                                "Replacement index {i} out of range for positional args tuple"
                            )))
                        }
                    },
                    FieldArg::Name(n) if n == "a" => "x".to_string(),
                    FieldArg::Name(n) => {
                        return Err(LibError::new(ErrorKind::KeyError, str_repr(n)))
                    }
                };
                let value = match field.conversion {
                    Some('r') => str_repr(&value),
                    _ => value,
                };
                let Some(spec) = render(&field.spec)? else {
                    return Ok(None);
                };
                out.push_str(&format_str(&value, &parse_format_spec(&spec, "str")?)?);
            }
        }
    }
    Ok(Some(out))
}

#[test]
fn format_strings_match_cpython() {
    for (template, want) in FORMAT_CASES {
        // Render piece by piece, as the interpreter does, so errors come in CPython's
        // order.
        let mut text = String::new();
        let mut outcome = Ok(true);
        for piece in FormatStringParser::new(template) {
            match piece.and_then(|p| render(std::slice::from_ref(&p))) {
                Ok(Some(rendered)) => text.push_str(&rendered),
                Ok(None) => {
                    outcome = Ok(false);
                    break;
                }
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
        }
        let got = match outcome {
            Ok(true) => str_repr(&text),
            Ok(false) => continue,
            Err(e) => py_err(e),
        };
        assert_eq!(got, *want, "{template:?}.format(...)");
    }
}

#[test]
fn lazy_parser_reports_errors_in_cpython_order() {
    let mut parser = FormatStringParser::new("a{:d}}");
    assert_eq!(parser.next(), Some(Ok(FormatPiece::Literal("a".into()))));
    let field = parser.next();
    assert!(matches!(field, Some(Ok(FormatPiece::Field(_)))));
    let err = parser.next().expect("an error piece").unwrap_err();
    assert_eq!(err.message, "Single '}' encountered in format string");
    assert_eq!(parser.next(), None);
    let all: LibResult<Vec<FormatPiece>> = FormatStringParser::new("{}{{x}}{0}").collect();
    assert_eq!(
        all.unwrap_err().message,
        "cannot switch from automatic field numbering to manual field specification"
    );
    let pieces: LibResult<Vec<FormatPiece>> = FormatStringParser::new("x{{{}}}y").collect();
    assert_eq!(pieces, parse_format_string("x{{{}}}y"));
}

#[test]
fn format_string_structure() {
    let pieces = parse_format_string("x{a.b[0][key]!r:>{}}y{{").expect("valid template");
    let expected = vec![
        FormatPiece::Literal("x".into()),
        FormatPiece::Field(FormatField {
            arg: FieldArg::Name("a".into()),
            accessors: vec![
                FieldAccessor::Attr("b".into()),
                FieldAccessor::Index(0),
                FieldAccessor::Key("key".into()),
            ],
            conversion: Some('r'),
            spec: vec![
                FormatPiece::Literal(">".into()),
                FormatPiece::Field(FormatField {
                    arg: FieldArg::Index(0),
                    accessors: vec![],
                    conversion: None,
                    spec: vec![],
                }),
            ],
        }),
        FormatPiece::Literal("y{".into()),
    ];
    assert_eq!(pieces, expected);
    let auto = parse_format_string("{:{}}{}").expect("valid template");
    let indices: Vec<usize> = auto
        .iter()
        .filter_map(|p| match p {
            FormatPiece::Field(f) => match f.arg {
                FieldArg::Index(i) => Some(i),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(indices, vec![0, 2]);
}
const FORMAT_CASES: &[(&str, &str)] = &[
    ("{}", "'A'"),
    ("{0}{1}", "'AB'"),
    ("{} {}", "'A B'"),
    (
        "{0} {}",
        "!ValueError: cannot switch from manual field specification to automatic field numbering",
    ),
    (
        "{} {0}",
        "!ValueError: cannot switch from automatic field numbering to manual field specification",
    ),
    ("{", "!ValueError: Single '{' encountered in format string"),
    ("}", "!ValueError: Single '}' encountered in format string"),
    ("{{}}", "'{}'"),
    ("a}}b{{c", "'a}b{c'"),
    ("}x", "!ValueError: Single '}' encountered in format string"),
    ("{:>10}", "'         A'"),
    (
        "{0:{1}}",
        "!ValueError: Unknown format code 'B' for object of type 'str'",
    ),
    (
        "{:{}}",
        "!ValueError: Unknown format code 'B' for object of type 'str'",
    ),
    (
        "{:{}.{}f}",
        "!ValueError: Invalid format specifier 'B.Cf' for object of type 'str'",
    ),
    (
        "{a.b[0][key].c}",
        "!AttributeError: 'str' object has no attribute 'b'",
    ),
    ("{0!r:>5}", "\"  'A'\""),
    ("{!s}", "'A'"),
    ("{!x}", "!ValueError: Unknown conversion specifier x"),
    ("{!}", "!ValueError: unmatched '{' in format spec"),
    (
        "{0!r5}",
        "!ValueError: expected ':' after conversion specifier",
    ),
    ("{a[}", "!ValueError: expected '}' before end of string"),
    (
        "{a[0]x}",
        "!ValueError: Only '.' or '[' may follow ']' in format field specifier",
    ),
    ("{a.}", "!ValueError: Empty attribute in format string"),
    ("{a[]}", "!ValueError: Empty attribute in format string"),
    ("{0:{1:{2}}}", "!ValueError: Max string recursion exceeded"),
    (
        "{0:{1:{2:{3}}}}",
        "!ValueError: Max string recursion exceeded",
    ),
    ("{:{:{}}}", "!ValueError: Max string recursion exceeded"),
    ("x{0[1]}y", "!IndexError: string index out of range"),
    ("{ab{c}", "!ValueError: unexpected '{' in field name"),
    ("{0:}", "'A'"),
    (
        "{:d}}",
        "!ValueError: Unknown format code 'd' for object of type 'str'",
    ),
    (
        "{0.real}",
        "!AttributeError: 'str' object has no attribute 'real'",
    ),
    (
        "{11}",
        "!IndexError: Replacement index 11 out of range for positional args tuple",
    ),
    (
        "{99999999999999999999}",
        "!ValueError: Too many decimal digits in format string",
    ),
    (
        "{0:{{}}}",
        "!ValueError: Invalid format specifier '{}' for object of type 'str'",
    ),
    ("{ }", "!KeyError: ' '"),
    ("{-1}", "!KeyError: '-1'"),
    (
        "{0[-1]}",
        "!TypeError: string indices must be integers, not 'str'",
    ),
    ("{a!r}{b:x}", "!KeyError: 'b'"),
];

#[test]
fn percent_conversions_name_what_consumes_each_argument() {
    assert_eq!(percent_conversions("%s %r"), vec!['s', 'r']);
    assert_eq!(
        percent_conversions("%%|%-*.*f|%5d"),
        vec!['*', '*', 'f', 'd']
    );
    assert_eq!(percent_conversions("%(a)s %x %.3ld"), vec!['x', 'd']);
    assert_eq!(percent_conversions("%#08X%c"), vec!['X', 'c']);
    assert_eq!(percent_conversions("%s %"), vec!['s']);
}
