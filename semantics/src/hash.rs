//! CPython's hash functions (`Python/pyhash.c`, `Objects/tupleobject.c`,
//! `Objects/setobject.c`), so `hash()` agrees with CPython and sets iterate in CPython's order.
//!
//! - numbers: [`int_hash_i64`], [`int_hash`], [`float_hash`], [`HASH_MODULUS`]
//! - containers, from their items' hashes: [`tuple_hash`] / [`hash_tuple`], [`frozenset_hash`]
//! - CPython's own str and bytes hash (SipHash-1-3 under `PYTHONHASHSEED` keys):
//!   [`hash_keys_for_seed`], [`str_hash`], [`bytes_hash`]
//! - the interpreter's entry points: [`hash_i64`], [`hash_bigint`], [`hash_f64`],
//!   [`hash_tuple`], [`hash_str`]. The interpreter hashes its strs with
//!   `permafrost_image::str_hash` (computed once, at creation), which differs from CPython's
//!   randomised string hash by design; [`hash_str`] turns that into a Python hash value.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::number::frexp;

/// `_PyHASH_BITS` on 64-bit hosts.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`: CPython's numeric hash modulus, the Mersenne prime `2**61 - 1`.
pub const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `_PyHASH_INF`.
const HASH_INF: i64 = 314_159;

/// Maps CPython's reserved `-1` (the C API's error value) to `-2`.
#[inline]
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an `i64`.
#[inline]
pub fn int_hash_i64(n: i64) -> i64 {
    let m = n.unsigned_abs() % HASH_MODULUS;
    fix(if n < 0 { -(m as i64) } else { m as i64 })
}

/// `hash(n)` for an int.
pub fn int_hash(n: &BigInt) -> i64 {
    if let Some(small) = n.to_i64() {
        return int_hash_i64(small);
    }
    // Reduce 64-bit words from the most significant down: 2**64 ≡ 2**3 (mod 2**61 - 1).
    let mut acc: u128 = 0;
    for word in n.magnitude().iter_u64_digits().rev() {
        acc = ((acc << 64) | word as u128) % HASH_MODULUS as u128;
    }
    let m = acc as i64;
    fix(if n.is_negative() { -m } else { m })
}

/// `hash(x)` for a float. NaN hashes by object identity in CPython 3.10+; this returns 0
/// for it and the caller substitutes its identity hash if it needs to.
pub fn float_hash(x: f64) -> i64 {
    if !x.is_finite() {
        if x.is_infinite() {
            return if x > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | acc >> (HASH_BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    acc = ((acc << e) & HASH_MODULUS) | acc >> (HASH_BITS - e);
    fix((acc as i64).wrapping_mul(sign))
}

/// `hash(t)` for a tuple whose items hash to `item_hashes` (CPython 3.11's xxHash-based
/// `tuplehash`).
pub fn tuple_hash(item_hashes: &[i64]) -> i64 {
    hash_tuple(item_hashes.iter().copied())
}

/// `hash(tuple)` from the items' hashes, without collecting them first.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let len = items.len() as u64;
    let mut acc = PRIME_5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(len ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `hash(frozenset(items))` for items hashing to `item_hashes` (order does not matter).
pub fn frozenset_hash(item_hashes: &[i64]) -> i64 {
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash = item_hashes
        .iter()
        .fold(0u64, |acc, &h| acc ^ shuffle_bits(h as u64));
    hash ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

/// The keys of CPython's str/bytes hash for a given `PYTHONHASHSEED` (`0` disables
/// randomisation: both keys are zero; other seeds fill the secret with CPython's LCG).
pub fn hash_keys_for_seed(seed: u32) -> (u64, u64) {
    if seed == 0 {
        return (0, 0);
    }
    let mut secret = [0u8; 16];
    let mut x = seed;
    for byte in secret.iter_mut() {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *byte = ((x >> 16) & 0xff) as u8;
    }
    let mut k0 = [0u8; 8];
    let mut k1 = [0u8; 8];
    k0.copy_from_slice(&secret[..8]);
    k1.copy_from_slice(&secret[8..]);
    (u64::from_le_bytes(k0), u64::from_le_bytes(k1))
}

/// SipHash-1-3, CPython 3.11's string hash (`Python/pyhash.c`).
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = u64::from_le_bytes(word);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    (v0 ^ v1) ^ (v2 ^ v3)
}

fn finish_hash(h: u64) -> i64 {
    fix(h as i64)
}

/// `hash(b)` for bytes under the keys from [`hash_keys_for_seed`].
pub fn bytes_hash(b: &[u8], keys: (u64, u64)) -> i64 {
    if b.is_empty() {
        return 0;
    }
    finish_hash(siphash13(keys.0, keys.1, b))
}

/// `hash(s)` for a str under the keys from [`hash_keys_for_seed`]: SipHash-1-3 over
/// CPython's internal representation (1, 2 or 4 bytes per character, by the widest one).
pub fn str_hash(s: &str, keys: (u64, u64)) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 0x100 {
        if s.is_ascii() {
            return finish_hash(siphash13(keys.0, keys.1, s.as_bytes()));
        }
        let latin1: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        return finish_hash(siphash13(keys.0, keys.1, &latin1));
    }
    let data: Vec<u8> = if max < 0x10000 {
        s.chars()
            .flat_map(|c| (c as u32 as u16).to_le_bytes())
            .collect()
    } else {
        s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
    };
    finish_hash(siphash13(keys.0, keys.1, &data))
}

/// `hash(int)` for a machine int: [`int_hash_i64`].
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    int_hash_i64(v)
}

/// `hash(int)` for a big int: [`int_hash`].
#[inline]
pub fn hash_bigint(v: &BigInt) -> i64 {
    int_hash(v)
}

/// `hash(float)`: [`float_hash`] (`_Py_HashDouble`).
#[inline]
pub fn hash_f64(v: f64) -> i64 {
    float_hash(v)
}

/// The hash of a str (its `permafrost_image::str_hash`), as a Python hash value.
#[inline]
pub fn hash_str(h: u64) -> i64 {
    fix(h as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    fn big(s: &str) -> BigInt {
        s.parse().expect("test literal is a valid int")
    }

    #[test]
    fn ints_match_cpython() {
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(
            hash_bigint(&(BigInt::from(1) << 100)),
            hash_bigint(&(BigInt::from(1) << 100))
        );
        assert_eq!(hash_bigint(&BigInt::from(-5)), -5);
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(hash_f64(1.0), 1);
        assert_eq!(hash_f64(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash_f64(-0.5), -1_152_921_504_606_846_976);
        assert_eq!(hash_f64(f64::INFINITY), 314_159);
        assert_eq!(hash_f64(0.1), 230_584_300_921_369_408);
    }

    #[test]
    fn tuples_match_cpython() {
        assert_eq!(hash_tuple([].into_iter()), 5_740_354_900_026_072_187);
        assert_eq!(
            hash_tuple([1i64, 2].into_iter()),
            -3_550_055_125_485_641_917
        );
    }

    #[test]
    fn str_hash_values_avoid_minus_one() {
        assert_eq!(hash_str(u64::MAX), -2);
        assert_eq!(hash_str(5), 5);
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(int_hash_i64(-1), -2);
        assert_eq!(
            int_hash_i64(i64::MAX),
            int_hash(&big("9223372036854775807"))
        );
        assert_eq!(int_hash(&big("2305843009213693951")), 0);
        assert_eq!(int_hash(&big("2305843009213693952")), 1);
        assert_eq!(int_hash(&big("-2305843009213693952")), -2);
        assert_eq!(int_hash(&big("18446744073709551621")), 13);
        assert_eq!(int_hash(&-(BigInt::one() << 100usize)), -549755813888);
        assert_eq!(float_hash(f64::INFINITY), 314159);
        assert_eq!(float_hash(f64::NEG_INFINITY), -314159);
        assert_eq!(float_hash(0.5), 1152921504606846976);
        assert_eq!(float_hash(-0.5), -1152921504606846976);
        assert_eq!(float_hash(1e100), 1822893315824342674);
        assert_eq!(float_hash(1.5e-300), 1876877353711978326);
        assert_eq!(float_hash(-1.0), -2);
        assert_eq!(float_hash(3.0), int_hash_i64(3));
        assert_eq!(tuple_hash(&[]), 5740354900026072187);
        assert_eq!(tuple_hash(&[1]), -6644214454873602895);
        assert_eq!(tuple_hash(&[1, 2]), -3550055125485641917);
        assert_eq!(tuple_hash(&[1, 2, 3]), 529344067295497451);
        assert_eq!(tuple_hash(&[int_hash_i64(-1)]), 8078679518589016365);
        assert_eq!(
            tuple_hash(&[int_hash(&big("2305843009213693952")), -2]),
            -6779188579744246035
        );
        assert_eq!(tuple_hash(&[tuple_hash(&[1, 2]), 3]), -333907151259015829);
        assert_eq!(
            tuple_hash(&[float_hash(0.5), float_hash(1e100)]),
            1505930856912391623
        );
    }

    #[test]
    fn str_hashes_match_cpython_with_fixed_seeds() {
        // `PYTHONHASHSEED=0 python3 -c 'print(hash(s))'` and likewise with seed 123.
        let cases: &[(&str, i64, i64)] = &[
            ("", 0, 0),
            ("a", 4644417185603328019, -4226623170815027173),
            ("abc", -4594863902769663758, -6019719312852672851),
            ("hello world", -5642461784034726774, 3245638059223526914),
            ("é", 6047309291227476195, 2030960749240960898),
            ("héllo", 6395329678795984700, -7281055557233280180),
            ("日本", 6243316497235261705, -3254634874667674855),
            ("😀", -3536540696076613844, -8059949960423113297),
            ("a😀", -6970120874385731343, -3343405818157097087),
            ("12345678", 3785724242978802311, -4871613040056487138),
            ("123456789", 1133797698992234447, -8293008478744105014),
            ("ÿ", 3476900567878811119, -5245101697411038109),
            ("Āb", 457701505486072078, 5350145176900769229),
        ];
        let (zero, seeded) = (hash_keys_for_seed(0), hash_keys_for_seed(123));
        for &(text, with_zero, with_123) in cases {
            assert_eq!(str_hash(text, zero), with_zero, "{text:?}");
            assert_eq!(str_hash(text, seeded), with_123, "{text:?}");
        }
        let long = "x".repeat(100);
        assert_eq!(str_hash(&long, zero), 1359644457043326220);
        assert_eq!(str_hash(&long, seeded), -9140949444913829592);
        // Frozensets, also under PYTHONHASHSEED=0.
        assert_eq!(frozenset_hash(&[]), 133146708735736);
        assert_eq!(frozenset_hash(&[1]), -558064481276695278);
        assert_eq!(frozenset_hash(&[3, 1, 2]), -272375401224217160);
        let mixed = [
            int_hash_i64(-1),
            int_hash(&(BigInt::one() << 61usize)),
            float_hash(0.5),
        ];
        assert_eq!(frozenset_hash(&mixed), -2860010626971283580);
        let ab = [str_hash("a", zero), str_hash("b", zero)];
        assert_eq!(frozenset_hash(&ab), 1679668661828516449);
        assert_eq!(
            frozenset_hash(&[frozenset_hash(&[1]), 2]),
            -1248503628839622056
        );
        let range: Vec<i64> = (0..100).collect();
        assert_eq!(frozenset_hash(&range), 4411996150312757951);
        assert_eq!(bytes_hash(b"", zero), 0);
        assert_eq!(bytes_hash(b"abc", zero), -4594863902769663758);
        assert_eq!(bytes_hash(b"\xff\x00", zero), 7217110220190950386);
        assert_eq!(bytes_hash(b"\xff\x00", seeded), -7308991822026475720);
    }

    #[test]
    fn number_hashes_match_cpython() {
        let mut failures = Vec::new();
        for &(op, arg, want) in CPYTHON_NUMBER_HASHES {
            let got = match op {
                "fhash" => float_hash(arg.parse().expect("test literal is a valid float")),
                "ihash" => int_hash(&big(arg)),
                other => panic!("unknown operation {other}"),
            };
            if got != want {
                failures.push(format!("{op}({arg}): got {got}, CPython says {want}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// `hash(float(arg))` ("fhash") and `hash(int(arg))` ("ihash") from CPython 3.11.
    const CPYTHON_NUMBER_HASHES: &[(&str, &str, i64)] = &[
        ("fhash", "2.345718019342805e-200", 1909185275462025445),
        ("fhash", "22.0", 22),
        ("fhash", "-1.1818502779811134e+132", -2304651193720245585),
        ("fhash", "730848.3187808902", 735058687139981024),
        ("fhash", "60417.44116249448", 1017251453816859649),
        ("fhash", "53762.751178524224", 1732099748753625602),
        ("fhash", "619.0", 619),
        ("fhash", "5e-324", 16777216),
        ("fhash", "-1.933964048503394e+200", -45514632606280536),
        ("fhash", "-473638.00282911246", -6523489192720934),
        ("fhash", "-846464.2458773326", -566954528584034944),
        ("fhash", "1.747102120493416e+122", 449235225188123453),
        ("fhash", "1.6016048347189767e-50", 418268130847162116),
        ("fhash", "0.0", 0),
        ("fhash", "-1.0507721144418949e-84", -464651174425208211),
        ("fhash", "-778427.5673266402", -1308166167349420219),
        ("fhash", "8.968832429945734e-26", 1155173781285458439),
        ("fhash", "-997.6", -1383505805528269797),
        ("fhash", "-5.671606056044923e-270", -1942375918728640608),
        ("fhash", "1.4944557146562057e-172", 1926415375617496572),
        ("fhash", "-827918.5299554552", -1221994081610932750),
        ("fhash", "-6035.977986144484", -2255082514366338963),
        ("fhash", "-15.059", -136044737543606287),
        ("fhash", "-2.1242451312926891e+130", -670927365732040765),
        ("fhash", "1e-05", 2170758078822671208),
        ("ihash", "3388828828267178641", 1082985819053484690),
        ("ihash", "-1019141911231176074859699268119586022357275760974867795567049", -238343272264617189),
        ("ihash", "52", 52),
        ("ihash", "-8526727705033837669", -1609198677392755816),
        ("ihash", "23", 23),
        ("ihash", "76", 76),
        ("ihash", "2542240809510059401", 236397800296365450),
        ("ihash", "3294197883880707533", 988354874667013582),
        ("ihash", "-8983703277818060149", -2066174250176978296),
        ("ihash", "-350459394867279495708481953807030135370011185802012622209228", -642440568235002015),
        ("ihash", "9223372036854775807", 3),
        ("ihash", "-7493621842195644141", -576092814554562288),
        ("ihash", "0", 0),
        ("ihash", "1363972543630423177", 1363972543630423177),
        ("ihash", "9", 9),
        ("ihash", "-13582985290493858492773514283592667786034938469317445497485196697278130927542418487205392083207560592298578262953847383475038725543234929971155548342800628721885763499406390331782864144164680730766837160526223176512798435772129956553355286032203080380775759732320198985094884004069116123084147875437183658467465148948790552744165375", -3),
        ("ihash", "-42", -42),
        ("ihash", "-78", -78),
        ("ihash", "-5554833892676141032", -943147874248753130),
        ("ihash", "-224082908791069061431557583621619401982769244529281193294476", -1952763610823137747),
        ("ihash", "70", 70),
        ("ihash", "2833444482126425703", 527601472912731752),
        ("ihash", "-3963250444277309209", -1657407435063615258),
        ("ihash", "-91", -91),
        ("ihash", "100000000000000000000", 848750603811160107),
    ];
}
