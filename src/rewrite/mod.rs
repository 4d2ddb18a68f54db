//! Load-time module rewriting, on `wasm_encoder`'s [`Reencode`]: one walk
//! over the module that applies a list of [`Lowering`]s and renumbers every
//! index they shift (calls, `ref.func`, elements, exports, start, names).
//!
//! * [`Lowering::ImportMemories`]: WALI modules built by the reference
//!   toolchain *define* their (shared) linear memory and export it. wasmtime
//!   cannot share a module-defined memory between instances (one instance per
//!   guest thread), so every defined memory becomes an import from
//!   [`RUNTIME_MODULE`] with the same limits; the export stays.
//! * [`Lowering::ExportTable0`]: table 0 (signal handlers and thread start
//!   functions are indices into it) is exported as [`TABLE0_EXPORT`].
//! * [`Lowering::Pulley`] ([`pulley`]): no threads proposal left, atomics
//!   lowered to helpers and host calls, for wasmtime's interpreter. The
//!   memory stays defined (plain), exported as [`MEMORY_EXPORT`] or
//!   [`SHARED_MEMORY_EXPORT`]; every thread's instance defines it again and
//!   the runtime's memory creator makes that a view of the first one
//!   (`src/memory/linear.rs`), so no module is compiled at run time and a
//!   runtime without a compiler runs `.cwasm` files. The start function
//!   (`__wasm_init_memory`) is exported as [`START_EXPORT`] instead, for the
//!   runtime to call once the instance's memory is known.
//! * [`Lowering::FlushStdio`]: musl's stdio flush, found by the name section,
//!   is exported as [`FLUSH_EXPORT`] so that the runtime can run it when a
//!   reference-toolchain `_start` ends with `__proc_exit` without `exit()`.
//!
//! Added function imports go after the module's own imports and added
//! functions after its own, so only defined functions (and defined globals,
//! when the `threaded` global is imported) change index.

pub mod pulley;

use pulley::{Atomic, HostFn};
use std::collections::BTreeMap;
use wasm_encoder::reencode::{Error as ReError, Reencode, utils};
use wasm_encoder::{Instruction, SectionId, ValType};
use wasmparser::{Operator, Parser, Payload, TypeRef};
use wasmtime::error::Context;
use wasmtime::{Result, bail};

/// Module name of everything the rewriting pass imports.
pub const RUNTIME_MODULE: &str = "wali-run";
/// The former name of [`RUNTIME_MODULE`].
pub const MEMORY_MODULE: &str = RUNTIME_MODULE;

/// Name of the `i`-th rewritten memory import.
pub fn memory_import_name(index: u32) -> String {
    if index == 0 { "memory".to_string() } else { format!("memory{index}") }
}

/// Export name of a Pulley-lowered module's (plain) memory.
pub const MEMORY_EXPORT: &str = "__wali_run_memory";
/// Export name of a Pulley-lowered module's memory that was shared: the
/// runtime shares it between the instances of the guest's threads.
pub const SHARED_MEMORY_EXPORT: &str = "__wali_run_shared_memory";
/// Export name of a Pulley-lowered module's start function.
pub const START_EXPORT: &str = "__wali_run_start";

/// Export name under which table 0 is made reachable (signal handlers and
/// thread start functions are table-0 indices; modules need not export it).
pub const TABLE0_EXPORT: &str = "__wali_run_table0";

/// Export name of musl's `__stdio_exit` (`() -> ()`), or of `fflush`
/// (`(i32) -> i32`, called with NULL) when the module has no `__stdio_exit`.
pub const FLUSH_EXPORT: &str = "__wali_run_flush";

/// One transformation of the rewriting pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lowering {
    /// Turn defined memories into imports.
    ImportMemories,
    /// Export table 0 as [`TABLE0_EXPORT`].
    ExportTable0,
    /// Make the module run on Pulley, atomically across threads ([`pulley`]).
    Pulley,
    /// Export the stdio flush as [`FLUSH_EXPORT`].
    FlushStdio,
}

/// A memory that the pass turned into an import, with its original type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedMemory {
    pub index: u32,
    pub ty: wasmparser::MemoryType,
}

/// Result of the pass.
#[derive(Debug, Clone)]
pub struct Rewritten {
    pub wasm: Vec<u8>,
    pub memories: Vec<ImportedMemory>,
    /// Distinct atomic instructions the Pulley lowering turned into helpers.
    pub atomic_helpers: usize,
}

/// Rewrite `wasm` with the given lowerings.
pub fn rewrite(wasm: &[u8], lowerings: &[Lowering]) -> Result<Rewritten> {
    let mut r = Rewriter::survey(wasm, lowerings)?;
    // Under the Pulley lowering the runtime calls the start function itself
    // (START_EXPORT): the section goes.
    let without_start;
    let wasm = if r.pulley && r.start.is_some() {
        without_start = drop_start_section(wasm)?;
        &without_start[..]
    } else {
        wasm
    };
    let mut out = wasm_encoder::Module::new();
    r.parse_core_module(&mut out, Parser::new(0), wasm).map_err(|e| match e {
        ReError::UserError(msg) => wasmtime::format_err!("{msg}"),
        other => wasmtime::format_err!("{other}"),
    })?;
    // Sections the module lacked that come last.
    r.intersperse(&mut out, None).map_err(|e| wasmtime::format_err!("{e:?}"))?;
    let memories = r
        .defined
        .iter()
        .enumerate()
        .filter(|_| r.import_memories)
        .map(|(i, ty)| ImportedMemory { index: r.imported_memories + i as u32, ty: *ty })
        .collect();
    Ok(Rewritten { wasm: out.finish(), memories, atomic_helpers: r.helpers.len() })
}

/// `wasm` without its start section, every other section copied as it is.
fn drop_start_section(wasm: &[u8]) -> Result<Vec<u8>> {
    let mut out = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.context("parsing module")?;
        if matches!(payload, Payload::StartSection { .. }) {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            out.section(&wasm_encoder::RawSection { id, data: &wasm[range] });
        }
    }
    Ok(out.finish())
}

/// How musl's stdio gets flushed.
#[derive(Debug, Clone, Copy)]
enum Flush {
    StdioExit(u32),
    Fflush(u32),
}

/// What the pass learned about the module before writing it, and where it is.
struct Rewriter {
    import_memories: bool,
    export_table0: bool,
    pulley: bool,
    flush: Option<Flush>,
    defined: Vec<wasmparser::MemoryType>,
    imported_funcs: u32,
    imported_globals: u32,
    imported_memories: u32,
    defined_funcs: u32,
    types: u32,
    /// The start function (Pulley: exported instead).
    start: Option<u32>,
    /// Types the pass adds, appended to the type section.
    new_types: Vec<(Vec<ValType>, Vec<ValType>)>,
    /// Helper per atomic instruction, in function order.
    helpers: BTreeMap<Atomic, u32>,
    wrote_types: bool,
    wrote_imports: bool,
    wrote_exports: bool,
}

impl Rewriter {
    fn survey(wasm: &[u8], lowerings: &[Lowering]) -> Result<Rewriter> {
        let mut r = Rewriter {
            import_memories: lowerings.contains(&Lowering::ImportMemories),
            export_table0: false,
            pulley: false,
            flush: None,
            defined: Vec::new(),
            imported_funcs: 0,
            imported_globals: 0,
            imported_memories: 0,
            defined_funcs: 0,
            types: 0,
            start: None,
            new_types: Vec::new(),
            helpers: BTreeMap::new(),
            wrote_types: false,
            wrote_imports: false,
            wrote_exports: false,
        };
        let mut has_table0 = false;
        let mut atomics = std::collections::BTreeSet::new();
        let mut names: Vec<(u32, String)> = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            match payload.context("parsing module")? {
                Payload::TypeSection(reader) => {
                    for g in reader {
                        r.types += g.context("parsing type section")?.types().len() as u32;
                    }
                }
                Payload::ImportSection(reader) => {
                    for i in reader.into_imports() {
                        match i.context("parsing import section")?.ty {
                            TypeRef::Func(_) | TypeRef::FuncExact(_) => r.imported_funcs += 1,
                            TypeRef::Global(_) => r.imported_globals += 1,
                            TypeRef::Memory(_) => r.imported_memories += 1,
                            TypeRef::Table(_) => has_table0 = true,
                            TypeRef::Tag(_) => {}
                        }
                    }
                }
                Payload::FunctionSection(reader) => r.defined_funcs = reader.count(),
                Payload::StartSection { func, .. } => r.start = Some(func),
                Payload::TableSection(reader) => has_table0 |= reader.count() > 0,
                Payload::MemorySection(reader) => {
                    for m in reader {
                        r.defined.push(m.context("parsing memory section")?);
                    }
                }
                Payload::CodeSectionEntry(body) if lowerings.contains(&Lowering::Pulley) => {
                    let mut ops = body.get_operators_reader().context("parsing code")?;
                    while !ops.eof() {
                        let op = ops.read().context("parsing code")?;
                        if let Some(a) = Atomic::of(&op) {
                            atomics.insert(a);
                        }
                        let memory = match op {
                            Operator::MemorySize { mem } | Operator::MemoryGrow { mem } => Some(mem),
                            _ => op_memarg(&op).map(|m| m.memory),
                        };
                        if memory.is_some_and(|m| m != 0) {
                            bail!("modules with more than one memory are not supported");
                        }
                    }
                }
                Payload::CustomSection(c) if lowerings.contains(&Lowering::FlushStdio) => {
                    if let wasmparser::KnownCustom::Name(reader) = c.as_known() {
                        for sub in reader {
                            if let Ok(wasmparser::Name::Function(map)) = sub {
                                for n in map.into_iter().flatten() {
                                    if n.name == "__stdio_exit" || n.name == "fflush" {
                                        names.push((n.index, n.name.to_string()));
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        if r.import_memories && r.imported_memories > 0 && !r.defined.is_empty() {
            bail!("module both imports and defines memories; not a WALI module");
        }
        r.export_table0 = lowerings.contains(&Lowering::ExportTable0) && has_table0;
        let has_memory = r.imported_memories > 0 || !r.defined.is_empty();
        r.pulley = lowerings.contains(&Lowering::Pulley) && has_memory;
        if r.pulley && (r.import_memories || r.imported_memories > 0 || r.defined.len() != 1) {
            bail!("the Pulley lowering takes modules that define one memory (and import none)");
        }
        let defined_fn = |i: u32| i >= r.imported_funcs && i < r.imported_funcs + r.defined_funcs;
        r.flush = names
            .iter()
            .find(|(i, n)| n == "__stdio_exit" && defined_fn(*i))
            .map(|(i, _)| Flush::StdioExit(*i))
            .or_else(|| names.iter().find(|(i, n)| n == "fflush" && defined_fn(*i)).map(|(i, _)| Flush::Fflush(*i)));
        if r.pulley {
            for f in HostFn::ALL {
                r.type_of(f.signature());
            }
            let first_helper = r.imported_funcs + HostFn::ALL.len() as u32 + r.defined_funcs;
            for (j, a) in atomics.into_iter().enumerate() {
                r.type_of(a.signature());
                r.helpers.insert(a, first_helper + j as u32);
            }
        }
        Ok(r)
    }

    /// Index of an added type with this signature (added once).
    fn type_of(&mut self, sig: (Vec<ValType>, Vec<ValType>)) -> u32 {
        let j = match self.new_types.iter().position(|t| *t == sig) {
            Some(j) => j,
            None => {
                self.new_types.push(sig);
                self.new_types.len() - 1
            }
        };
        self.types + j as u32
    }

    fn added_imported_funcs(&self) -> u32 {
        if self.pulley { HostFn::ALL.len() as u32 } else { 0 }
    }

    fn host(&self, f: HostFn) -> u32 {
        self.imported_funcs + HostFn::ALL.iter().position(|g| *g == f).expect("listed") as u32
    }

    /// Index of the imported `threaded` global (after the module's own imports).
    fn threaded_global(&self) -> u32 {
        self.imported_globals
    }

    fn append_types(&self, types: &mut wasm_encoder::TypeSection) {
        for (params, results) in &self.new_types {
            types.ty().function(params.iter().copied(), results.iter().copied());
        }
    }

    fn append_imports(&mut self, imports: &mut wasm_encoder::ImportSection) {
        let types: Vec<u32> = HostFn::ALL.iter().map(|f| self.type_of(f.signature())).collect();
        if self.pulley {
            for (f, ty) in HostFn::ALL.iter().zip(types) {
                imports.import(RUNTIME_MODULE, f.name(), wasm_encoder::EntityType::Function(ty));
            }
            let g = wasm_encoder::GlobalType { val_type: ValType::I32, mutable: true, shared: false };
            imports.import(RUNTIME_MODULE, pulley::THREADED_GLOBAL, g);
        }
        if self.import_memories {
            for (i, ty) in self.defined.iter().enumerate() {
                imports.import(RUNTIME_MODULE, &memory_import_name(i as u32), wasm_encoder::MemoryType::from(*ty));
            }
        }
        self.wrote_imports = true;
    }

    fn append_exports(&mut self, exports: &mut wasm_encoder::ExportSection) -> Result<(), ReError<String>> {
        if self.export_table0 {
            exports.export(TABLE0_EXPORT, wasm_encoder::ExportKind::Table, 0);
        }
        match self.flush {
            Some(Flush::StdioExit(i) | Flush::Fflush(i)) => {
                let i = self.function_index(i)?;
                exports.export(FLUSH_EXPORT, wasm_encoder::ExportKind::Func, i);
            }
            None => {}
        }
        if self.pulley {
            let name = if self.defined[0].shared { SHARED_MEMORY_EXPORT } else { MEMORY_EXPORT };
            exports.export(name, wasm_encoder::ExportKind::Memory, 0);
            if let Some(f) = self.start {
                let f = self.function_index(f)?;
                exports.export(START_EXPORT, wasm_encoder::ExportKind::Func, f);
            }
        }
        self.wrote_exports = true;
        Ok(())
    }

    /// Before section `before` (None: at the end), write the sections the
    /// module lacks but the pass needs, in their place.
    fn intersperse(&mut self, module: &mut wasm_encoder::Module, before: Option<SectionId>) -> Result<(), ReError<String>> {
        let pos = |s: Option<SectionId>| -> u32 {
            match s {
                None => 100,
                Some(SectionId::Type) => 1,
                Some(SectionId::Import) => 2,
                Some(SectionId::Function) => 3,
                Some(SectionId::Table) => 4,
                Some(SectionId::Memory) => 5,
                Some(SectionId::Tag) => 6,
                Some(SectionId::Global) => 7,
                Some(SectionId::Export) => 8,
                Some(SectionId::Start) => 9,
                Some(SectionId::Element) => 10,
                Some(SectionId::DataCount) => 11,
                Some(SectionId::Code) => 12,
                Some(SectionId::Data) => 13,
                Some(_) => 0,
            }
        };
        let p = pos(before);
        if p == 0 {
            return Ok(());
        }
        if !self.wrote_types && p > 1 && !self.new_types.is_empty() {
            let mut types = wasm_encoder::TypeSection::new();
            self.append_types(&mut types);
            module.section(&types);
            self.wrote_types = true;
        }
        if !self.wrote_imports && p > 2 && (self.pulley || (self.import_memories && !self.defined.is_empty())) {
            let mut imports = wasm_encoder::ImportSection::new();
            self.append_imports(&mut imports);
            module.section(&imports);
        }
        if !self.wrote_exports && p > 8 && (self.export_table0 || self.flush.is_some() || self.pulley) {
            let mut exports = wasm_encoder::ExportSection::new();
            self.append_exports(&mut exports)?;
            module.section(&exports);
        }
        Ok(())
    }
}

/// The memarg of a memory instruction.
fn op_memarg(op: &Operator<'_>) -> Option<wasmparser::MemArg> {
    use Operator as O;
    match op {
        O::I32Load { memarg } | O::I64Load { memarg } | O::F32Load { memarg } | O::F64Load { memarg }
        | O::I32Load8S { memarg } | O::I32Load8U { memarg } | O::I32Load16S { memarg } | O::I32Load16U { memarg }
        | O::I64Load8S { memarg } | O::I64Load8U { memarg } | O::I64Load16S { memarg } | O::I64Load16U { memarg }
        | O::I64Load32S { memarg } | O::I64Load32U { memarg } | O::I32Store { memarg } | O::I64Store { memarg }
        | O::F32Store { memarg } | O::F64Store { memarg } | O::I32Store8 { memarg } | O::I32Store16 { memarg }
        | O::I64Store8 { memarg } | O::I64Store16 { memarg } | O::I64Store32 { memarg } => Some(*memarg),
        O::MemoryAtomicNotify { memarg } | O::MemoryAtomicWait32 { memarg } | O::MemoryAtomicWait64 { memarg } => Some(*memarg),
        _ => None,
    }
}

impl Reencode for Rewriter {
    type Error = String;

    fn function_index(&mut self, func: u32) -> Result<u32, ReError<String>> {
        Ok(if func < self.imported_funcs { func } else { func + self.added_imported_funcs() })
    }

    fn global_index(&mut self, global: u32) -> Result<u32, ReError<String>> {
        Ok(if self.pulley && global >= self.imported_globals { global + 1 } else { global })
    }

    fn intersperse_section_hook(
        &mut self,
        module: &mut wasm_encoder::Module,
        _after: Option<SectionId>,
        before: Option<SectionId>,
    ) -> Result<(), ReError<String>> {
        self.intersperse(module, before)
    }

    fn parse_type_section(
        &mut self,
        types: &mut wasm_encoder::TypeSection,
        section: wasmparser::TypeSectionReader<'_>,
    ) -> Result<(), ReError<String>> {
        utils::parse_type_section(self, types, section)?;
        self.append_types(types);
        self.wrote_types = true;
        Ok(())
    }

    fn parse_import_section(
        &mut self,
        imports: &mut wasm_encoder::ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), ReError<String>> {
        utils::parse_import_section(self, imports, section)?;
        self.append_imports(imports);
        Ok(())
    }

    fn parse_memory_section(
        &mut self,
        memories: &mut wasm_encoder::MemorySection,
        section: wasmparser::MemorySectionReader<'_>,
    ) -> Result<(), ReError<String>> {
        if self.import_memories {
            // Every defined memory became an import.
            return Ok(());
        }
        for m in section {
            let mut t = self.memory_type(m?)?;
            if self.pulley {
                t.shared = false;
            }
            memories.memory(t);
        }
        Ok(())
    }

    fn parse_export_section(
        &mut self,
        exports: &mut wasm_encoder::ExportSection,
        section: wasmparser::ExportSectionReader<'_>,
    ) -> Result<(), ReError<String>> {
        utils::parse_export_section(self, exports, section)?;
        self.append_exports(exports)
    }

    fn parse_function_section(
        &mut self,
        functions: &mut wasm_encoder::FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), ReError<String>> {
        utils::parse_function_section(self, functions, section)?;
        let helpers: Vec<Atomic> = self.helpers.keys().copied().collect();
        for a in helpers {
            functions.function(self.type_of(a.signature()));
        }
        Ok(())
    }

    fn parse_code_section(
        &mut self,
        code: &mut wasm_encoder::CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), ReError<String>> {
        utils::parse_code_section(self, code, section)?;
        let threaded = self.threaded_global();
        for a in self.helpers.keys() {
            code.function(&pulley::helper(a, |f| self.host(f), threaded));
        }
        Ok(())
    }

    fn instruction<'a>(&mut self, op: Operator<'a>) -> Result<Instruction<'a>, ReError<String>> {
        if self.pulley {
            if let Some(a) = Atomic::of(&op) {
                let f = self.helpers.get(&a).copied().ok_or_else(|| ReError::UserError(format!("no helper for {a:?}")))?;
                return Ok(Instruction::Call(f));
            }
            match op {
                Operator::MemorySize { .. } => return Ok(Instruction::Call(self.host(HostFn::MemorySize))),
                Operator::MemoryGrow { .. } => return Ok(Instruction::Call(self.host(HostFn::MemoryGrow))),
                _ => {}
            }
        }
        utils::instruction(self, op)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wat(s: &str) -> Vec<u8> {
        wat::parse_str(s).expect("valid wat")
    }

    pub(super) fn imports(wasm: &[u8]) -> Vec<(String, String, String)> {
        let mut v = Vec::new();
        for p in Parser::new(0).parse_all(wasm) {
            if let Payload::ImportSection(r) = p.unwrap() {
                for i in r.into_imports() {
                    let i = i.unwrap();
                    v.push((i.module.to_string(), i.name.to_string(), format!("{:?}", i.ty)));
                }
            }
        }
        v
    }

    #[test]
    fn shared_memory_becomes_import_with_same_limits() {
        let m = wat(r#"(module
            (import "wali" "SYS_getpid" (func (result i64)))
            (memory (export "memory") 2 32768 shared)
            (func (export "_start") (drop (i32.atomic.load (i32.const 0))))
            (data (i32.const 16) "hi"))"#);
        let r = rewrite(&m, &[Lowering::ImportMemories, Lowering::ExportTable0]).unwrap();
        assert_eq!(r.memories.len(), 1);
        assert!(r.memories[0].ty.shared);
        assert_eq!(r.memories[0].ty.initial, 2);
        assert_eq!(r.memories[0].ty.maximum, Some(32768));
        let imps = imports(&r.wasm);
        assert_eq!(imps.len(), 2);
        assert_eq!((imps[1].0.as_str(), imps[1].1.as_str()), (RUNTIME_MODULE, "memory"));
        wasmparser::Validator::new().validate_all(&r.wasm).expect("rewritten module validates");
        // The memory is still exported.
        assert!(wasmprinter_like_has_export(&r.wasm, "memory"));
    }

    #[test]
    fn module_without_imports_gets_an_import_section_in_the_right_place() {
        let m = wat(r#"(module (memory 1) (func (export "_start")) (export "memory" (memory 0)))"#);
        let r = rewrite(&m, &[Lowering::ImportMemories]).unwrap();
        assert_eq!(r.memories.len(), 1);
        assert!(!r.memories[0].ty.shared);
        wasmparser::Validator::new().validate_all(&r.wasm).expect("valid");
        assert_eq!(imports(&r.wasm).len(), 1);
    }

    #[test]
    fn module_without_memory_is_unchanged_semantically() {
        let m = wat(r#"(module (import "wali" "SYS_getpid" (func (result i64))) (func (export "_start")))"#);
        let r = rewrite(&m, &[Lowering::ImportMemories]).unwrap();
        assert!(r.memories.is_empty());
        assert_eq!(imports(&r.wasm), imports(&m));
        wasmparser::Validator::new().validate_all(&r.wasm).expect("valid");
    }

    #[test]
    fn table0_is_exported_whether_or_not_the_module_exports_it() {
        let all = [Lowering::ImportMemories, Lowering::ExportTable0];
        for m in [
            r#"(module (table 2 funcref) (func $f) (elem (i32.const 1) $f) (func (export "_start")))"#,
            r#"(module (table 2 funcref) (func $f) (elem (i32.const 1) $f))"#,
            r#"(module (table (export "__indirect_function_table") 2 funcref) (memory 1) (func (export "_start")) (data (i32.const 0) "x"))"#,
            r#"(module (import "wali" "t" (table 1 funcref)) (start $s) (func $s))"#,
        ] {
            let r = rewrite(&wat(m), &all).unwrap();
            wasmparser::Validator::new().validate_all(&r.wasm).expect("valid");
            assert!(wasmprinter_like_has_export(&r.wasm, TABLE0_EXPORT), "{m}");
        }
        // No table: nothing to export.
        let r = rewrite(&wat(r#"(module (func (export "_start")))"#), &all).unwrap();
        assert!(!wasmprinter_like_has_export(&r.wasm, TABLE0_EXPORT));
        assert!(wasmprinter_like_has_export(&r.wasm, "_start"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(rewrite(b"\0asm\x01\0\0\0\x05\xff", &[Lowering::ImportMemories]).is_err());
    }

    fn wasmprinter_like_has_export(wasm: &[u8], name: &str) -> bool {
        Parser::new(0).parse_all(wasm).any(|p| match p.unwrap() {
            Payload::ExportSection(r) => r.into_iter().any(|e| e.unwrap().name == name),
            _ => false,
        })
    }
}

#[cfg(test)]
mod lowering_tests {
    use super::tests::imports;
    use super::*;
    use wasmparser::{Validator, WasmFeatures};

    const PULLEY: &[Lowering] = &[Lowering::ExportTable0, Lowering::FlushStdio, Lowering::Pulley];

    /// What wasmtime's Pulley accepts: everything we enable but threads.
    fn no_threads() -> Validator {
        Validator::new_with_features(WasmFeatures::default() & !WasmFeatures::THREADS & !WasmFeatures::SHARED_EVERYTHING_THREADS)
    }

    fn has_atomic(wasm: &[u8]) -> bool {
        Parser::new(0).parse_all(wasm).any(|p| match p.unwrap() {
            Payload::CodeSectionEntry(body) => {
                let mut ops = body.get_operators_reader().unwrap();
                let mut found = false;
                while !ops.eof() {
                    found |= Atomic::of(&ops.read().unwrap()).is_some();
                }
                found
            }
            _ => false,
        })
    }

    #[test]
    fn pulley_lowering_leaves_no_threads_and_keeps_indices() {
        let m = wat::parse_str(
            r#"(module
            (import "wali" "SYS_getpid" (func $getpid (result i64)))
            (import "wali" "SYS_gettid" (func $gettid (result i64)))
            (global $g (mut i32) (i32.const 5))
            (memory (export "memory") 1 10 shared)
            (table 4 funcref)
            (elem (i32.const 1) $f $h)
            (elem declare func $h)
            (func $f (param i32) (result i32)
                (i32.atomic.rmw.add offset=8 (local.get 0) (i32.const 1))
                (drop (i64.atomic.rmw8.cmpxchg_u (i32.const 16) (i64.const 1) (i64.const 2)))
                (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))
                (atomic.fence)
                (drop (memory.grow (i32.const 1)))
                (drop (memory.size))
                (global.set $g (i32.add (global.get $g) (i32.const 1))))
            (func $h (result i32) (drop (call $getpid)) (call $f (i32.const 4)))
            (func $s (drop (ref.func $h)) (drop (call_indirect (type 0) (i32.const 1))))
            (export "h" (func $h))
            (export "g" (global $g))
            (start $s)
            (data (i32.const 32) "data"))"#,
        )
        .unwrap();
        Validator::new().validate_all(&m).expect("the test module is valid");
        let r = rewrite(&m, PULLEY).unwrap();
        no_threads().validate_all(&r.wasm).expect("valid without the threads proposal");
        assert!(!has_atomic(&r.wasm), "no 0xFE instruction left");
        assert_eq!(r.atomic_helpers, 4, "one helper per distinct atomic (rmw.add, cmpxchg, notify, fence)");
        let exports: Vec<(String, u32)> = Parser::new(0)
            .parse_all(&r.wasm)
            .filter_map(|p| match p.unwrap() {
                Payload::ExportSection(s) => Some(s.into_iter().map(|e| e.unwrap()).map(|e| (e.name.to_string(), e.index)).collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .collect();
        let n_host = HostFn::ALL.len() as u32;
        // $h was function 3 (2 imports + $f), $g global 0: both shift past
        // the added imports.
        assert!(exports.contains(&("h".to_string(), 3 + n_host)), "{exports:?}");
        assert!(exports.contains(&("g".to_string(), 1)), "{exports:?}");
        let imps = imports(&r.wasm);
        assert_eq!(&imps[..2], &imports(&m)[..2], "the module's own imports stay first");
        assert!(exports.contains(&(SHARED_MEMORY_EXPORT.to_string(), 0)), "{exports:?}");
        // $s was function 4: no start section any more, exported instead.
        assert!(exports.contains(&(START_EXPORT.to_string(), 4 + n_host)), "{exports:?}");
        assert!(!Parser::new(0).parse_all(&r.wasm).any(|p| matches!(p.unwrap(), Payload::StartSection { .. })));
        let memories: Vec<_> = Parser::new(0)
            .parse_all(&r.wasm)
            .filter_map(|p| match p.unwrap() {
                Payload::MemorySection(s) => Some(s.into_iter().map(|m| m.unwrap()).collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(memories.len(), 1);
        assert!(!memories[0].shared && memories[0].initial == 1 && memories[0].maximum == Some(10), "{memories:?}");
        // Without the Pulley lowering the module keeps its atomics.
        let plain = rewrite(&m, &[Lowering::ImportMemories, Lowering::ExportTable0]).unwrap();
        assert!(has_atomic(&plain.wasm));
        Validator::new().validate_all(&plain.wasm).unwrap();
    }

    /// The same module computes the same under Cranelift (real atomics) and
    /// lowered on Pulley (plain path: the `threaded` flag is 0).
    #[test]
    fn lowered_atomics_compute_what_real_ones_do() {
        let src = r#"(module
            (memory (export "memory") 1 1 shared)
            (func (export "run") (result i64)
                (local $acc i64)
                (i64.store offset=0 (i32.const 64) (i64.const 0x5a5a5a5a5a5a5a5a))
                (local.set $acc (i64.extend_i32_u (i32.atomic.rmw8.add_u offset=3 (i32.const 64) (i32.const 0xf0))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.atomic.rmw16.sub_u offset=4 (i32.const 64) (i64.const 0x1234))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.extend_i32_u (i32.atomic.rmw.and (i32.const 64) (i32.const 0x0ff0f0f0)))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.atomic.rmw.or (i32.const 64) (i64.const 0x8001))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.atomic.rmw32.xor_u offset=4 (i32.const 64) (i64.const -1))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.extend_i32_u (i32.atomic.rmw16.xchg_u offset=6 (i32.const 64) (i32.const 0x1ffff)))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.extend_i32_u (i32.atomic.rmw8.cmpxchg_u (i32.const 64) (i32.const 0x1ff) (i32.const 3)))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.atomic.rmw8.cmpxchg_u offset=1 (i32.const 64) (i64.const 0x15a) (i64.const 0x77))))
                (i64.atomic.store32 offset=8 (i32.const 64) (i64.const 0x1122334455))
                (i32.atomic.store8 offset=12 (i32.const 64) (i32.const 0x1ff))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.atomic.load offset=8 (i32.const 64))))
                (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.extend_i32_u (i32.atomic.load16_u offset=2 (i32.const 64)))))
                (i64.add (i64.mul (local.get $acc) (i64.const 31)) (i64.load (i32.const 64)))))"#;
        let m = wat::parse_str(src).unwrap();
        let run = |target: Option<&str>, wasm: &[u8]| -> i64 {
            let mut config = wasmtime::Config::new();
            if let Some(t) = target {
                config.target(t).unwrap();
                config.wasm_threads(false).shared_memory(false);
            } else {
                config.wasm_threads(true).shared_memory(true);
            }
            let engine = wasmtime::Engine::new(&config).unwrap();
            let module = wasmtime::Module::new(&engine, wasm).unwrap();
            let mut store = wasmtime::Store::new(&engine, ());
            let mut imports = Vec::new();
            for i in module.imports() {
                imports.push(match i.ty() {
                    wasmtime::ExternType::Memory(ty) if ty.is_shared() => wasmtime::SharedMemory::new(&engine, ty).unwrap().into(),
                    wasmtime::ExternType::Memory(ty) => wasmtime::Memory::new(&mut store, ty).unwrap().into(),
                    wasmtime::ExternType::Global(ty) => wasmtime::Global::new(&mut store, ty, wasmtime::Val::I32(0)).unwrap().into(),
                    wasmtime::ExternType::Func(ty) => wasmtime::Func::new(&mut store, ty, |_, _, _| wasmtime::bail!("plain path calls no host import")).into(),
                    other => panic!("unexpected import {other:?}"),
                });
            }
            let instance = wasmtime::Instance::new(&mut store, &module, &imports).unwrap();
            instance.get_typed_func::<(), i64>(&mut store, "run").unwrap().call(&mut store, ()).unwrap()
        };
        let real = run(None, &rewrite(&m, &[Lowering::ImportMemories]).unwrap().wasm);
        let lowered = run(Some("pulley64"), &rewrite(&m, PULLEY).unwrap().wasm);
        assert_eq!(real, lowered);
    }

    /// Every prebuilt guest lowers to a module Pulley accepts.
    #[test]
    fn prebuilt_guests_lower_for_pulley() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guests/prebuilt");
        let mut n = 0;
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_none_or(|x| x != "wasm") {
                continue;
            }
            let wasm = std::fs::read(&p).unwrap();
            let r = rewrite(&wasm, PULLEY).unwrap_or_else(|e| panic!("{}: {e:#}", p.display()));
            no_threads().validate_all(&r.wasm).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            assert!(!has_atomic(&r.wasm), "{}", p.display());
            assert!(r.atomic_helpers > 0, "{}: musl's locks use atomics", p.display());
            n += 1;
        }
        assert!(n >= 5, "only {n} prebuilt guests in {}", dir.display());
    }

    /// musl's `__stdio_exit` (by the name section) is exported for `__proc_exit`.
    #[test]
    fn stdio_flush_is_exported_by_name() {
        let m = wat::parse_str(
            r#"(module (func $a) (func $__stdio_exit) (func $fflush (param i32) (result i32) (i32.const 0)) (func (export "_start")))"#,
        )
        .unwrap();
        let r = rewrite(&m, &[Lowering::FlushStdio]).unwrap();
        let export = Parser::new(0)
            .parse_all(&r.wasm)
            .find_map(|p| match p.unwrap() {
                Payload::ExportSection(s) => s.into_iter().map(|e| e.unwrap()).find(|e| e.name == FLUSH_EXPORT).map(|e| e.index),
                _ => None,
            });
        assert_eq!(export, Some(1));
        let m = wat::parse_str(r#"(module (func $fflush (param i32) (result i32) (i32.const 0)))"#).unwrap();
        let r = rewrite(&m, &[Lowering::FlushStdio]).unwrap();
        Validator::new().validate_all(&r.wasm).unwrap();
        let m = wat::parse_str(r#"(module (func $other))"#).unwrap();
        let r = rewrite(&m, &[Lowering::FlushStdio]).unwrap();
        assert!(!Parser::new(0).parse_all(&r.wasm).any(|p| matches!(p.unwrap(), Payload::ExportSection(_))));
    }
}
