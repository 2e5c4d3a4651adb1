// Methods of the built-in types, one file per type family.

pub fn install() {}
