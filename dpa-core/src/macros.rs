//! The crate's own macros.
//!
//! [`spelled_enum!`] defines an enum of named choices (a month rule, a
//! deadline kind, a transfer basis, ...) whose every variant has exactly one
//! spelling: the string the documents, the JSON output, the command line and
//! every binding use. The spelling is written once, in the macro call, and
//! the macro derives from it `as_str`, `ALL`, `Display`, `FromStr` and the
//! serde names, so no module types a spelling again.

/// Defines a fieldless enum with one spelling per variant:
///
/// ```ignore
/// spelled_enum! {
///     /// How firm a stated term is.
///     #[derive(Default)]          // any further derives and attributes
///     #[non_exhaustive]
///     pub enum Firmness ("firmness") {
///         /// "uiterlijk": at the latest.
///         #[default]
///         AtTheLatest = "at-the-latest",
///         /// "in principe": as a rule.
///         InPrinciple = "in-principle",
///     }
/// }
/// ```
///
/// The enum derives `Debug, Clone, Copy, PartialEq, Eq, Hash` and serde's
/// `Serialize` and `Deserialize` (each variant renamed to its spelling) and
/// `schemars::JsonSchema` (an enum of the spellings). It gets:
/// - `ALL`: every variant in declaration order;
/// - `as_str()`: the spelling;
/// - `Display`: the spelling;
/// - `FromStr`: the exact spelling, else [`crate::Error::InvalidArgument`]
///   whose message names the input and lists every spelling, as
///   ``unknown firmness `x`: expected one of at-the-latest, in-principle``.
///
/// The string in parentheses is what a value of the enum is called in that
/// message.
macro_rules! spelled_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($label:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $spelling:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $spelling)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as it is written in documents, output and arguments.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $spelling,)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Error;

            /// Reads the exact spelling (see `as_str`).
            fn from_str(s: &str) -> ::std::result::Result<Self, $crate::Error> {
                match s {
                    $($spelling => Ok($name::$variant),)+
                    _ => Err($crate::Error::unknown_name(
                        $label,
                        s,
                        &[$($spelling),+],
                    )),
                }
            }
        }
    };
}

pub(crate) use spelled_enum;
