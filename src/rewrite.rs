//! Load-time module rewriting.
//!
//! WALI modules built by the reference toolchain *define* their (shared) linear
//! memory and export it. wasmtime cannot share a module-defined memory between
//! instances (one instance per guest thread), so this pass turns every defined
//! memory into an import from [`MEMORY_MODULE`] with exactly the same limits and
//! flags; the export stays as it was. Because memory imports precede defined
//! memories in the index space and WALI modules never import memories, indices do
//! not change and no code has to be touched.
//!
//! The pass is a list of [`Lowering`]s applied in one walk over the sections, so
//! that host-specific lowerings (for example replacing atomics on hosts whose
//! engine lacks them) can be added next to the memory one.

use wasmtime::error::Context;
use wasmtime::{Result, bail};
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{ImportSection, Module as Encoded, RawSection};
use wasmparser::{Parser, Payload, TypeRef};

/// Module name under which rewritten memories are imported.
pub const MEMORY_MODULE: &str = "wali-run";

/// Name of the `i`-th rewritten memory import.
pub fn memory_import_name(index: u32) -> String {
    if index == 0 { "memory".to_string() } else { format!("memory{index}") }
}

/// Export name under which table 0 is made reachable (signal handlers and
/// thread start functions are table-0 indices; modules need not export it).
pub const TABLE0_EXPORT: &str = "__wali_run_table0";

/// One transformation of the rewriting pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lowering {
    /// Turn defined memories into imports (always on).
    ImportMemories,
    /// Export table 0 as [`TABLE0_EXPORT`] (always on).
    ExportTable0,
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
}

/// Rewrite `wasm` with the given lowerings.
pub fn rewrite(wasm: &[u8], lowerings: &[Lowering]) -> Result<Rewritten> {
    let import_memories = lowerings.contains(&Lowering::ImportMemories);
    let mut out = Encoded::new();
    let mut memories = Vec::new();
    let mut imports_written = false;
    let mut imported_memory_count = 0u32;

    // Defined memories must be known before the import section is written, and
    // the import section comes first: collect them in a pre-pass.
    let mut defined = Vec::new();
    let mut has_table0 = false;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("parsing module")? {
            Payload::MemorySection(reader) => {
                for m in reader {
                    defined.push(m.context("parsing memory section")?);
                }
            }
            Payload::TableSection(reader) => has_table0 |= reader.count() > 0,
            Payload::ImportSection(reader) => {
                for i in reader.into_imports() {
                    has_table0 |= matches!(i.context("parsing import section")?.ty, TypeRef::Table(_));
                }
            }
            _ => {}
        }
    }
    let export_table0 = lowerings.contains(&Lowering::ExportTable0) && has_table0;
    let mut exports_written = !export_table0;
    let write_exports = |out: &mut Encoded, existing: Option<wasmparser::ExportSectionReader<'_>>| -> Result<()> {
        let mut section = wasm_encoder::ExportSection::new();
        if let Some(reader) = existing {
            for e in reader {
                let e = e.context("parsing export section")?;
                let kind = RoundtripReencoder.export_kind(e.kind).context("re-encoding export")?;
                section.export(e.name, kind, e.index);
            }
        }
        section.export(TABLE0_EXPORT, wasm_encoder::ExportKind::Table, 0);
        out.section(&section);
        Ok(())
    };

    let write_imports = |out: &mut Encoded, existing: Option<wasmparser::ImportSectionReader<'_>>, imported_memory_count: &mut u32| -> Result<Vec<ImportedMemory>> {
        let mut section = ImportSection::new();
        if let Some(reader) = existing {
            for import in reader.into_imports() {
                let import = import.context("parsing import section")?;
                if matches!(import.ty, TypeRef::Memory(_)) {
                    *imported_memory_count += 1;
                }
                let ty = RoundtripReencoder
                    .entity_type(import.ty)
                    .context("re-encoding import")?;
                section.import(import.module, import.name, ty);
            }
        }
        let mut added = Vec::new();
        if import_memories {
            if *imported_memory_count > 0 && !defined.is_empty() {
                bail!("module both imports and defines memories; not a WALI module");
            }
            for (i, ty) in defined.iter().enumerate() {
                let index = i as u32;
                section.import(MEMORY_MODULE, &memory_import_name(index), wasm_encoder::MemoryType::from(*ty));
                added.push(ImportedMemory { index, ty: *ty });
            }
        }
        if !section.is_empty() {
            out.section(&section);
        }
        Ok(added)
    };

    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.context("parsing module")?;
        match payload {
            Payload::Version { .. } | Payload::End(_) => {}
            Payload::ImportSection(reader) => {
                memories = write_imports(&mut out, Some(reader), &mut imported_memory_count)?;
                imports_written = true;
            }
            Payload::MemorySection(_) if import_memories => {
                // Every defined memory became an import.
            }
            Payload::ExportSection(reader) if !exports_written => {
                write_exports(&mut out, Some(reader))?;
                exports_written = true;
            }
            // Sections that follow the export section: emit ours first.
            Payload::StartSection { .. }
            | Payload::ElementSection(_)
            | Payload::DataCountSection { .. }
            | Payload::CodeSectionStart { .. }
            | Payload::DataSection(_)
                if imports_written && !exports_written =>
            {
                write_exports(&mut out, None)?;
                exports_written = true;
                copy_section(&mut out, wasm, &payload)?;
            }
            // Sections that may follow the import section: make sure the
            // import section was emitted before the first of them.
            Payload::FunctionSection(_)
            | Payload::TableSection(_)
            | Payload::MemorySection(_)
            | Payload::TagSection(_)
            | Payload::GlobalSection(_)
            | Payload::ExportSection(_)
            | Payload::StartSection { .. }
            | Payload::ElementSection(_)
            | Payload::DataCountSection { .. }
            | Payload::CodeSectionStart { .. }
            | Payload::DataSection(_)
                if !imports_written =>
            {
                memories = write_imports(&mut out, None, &mut imported_memory_count)?;
                imports_written = true;
                let after_exports = matches!(
                    payload,
                    Payload::StartSection { .. }
                        | Payload::ElementSection(_)
                        | Payload::DataCountSection { .. }
                        | Payload::CodeSectionStart { .. }
                        | Payload::DataSection(_)
                );
                match payload {
                    Payload::ExportSection(reader) if !exports_written => {
                        write_exports(&mut out, Some(reader))?;
                        exports_written = true;
                    }
                    other => {
                        if after_exports && !exports_written {
                            write_exports(&mut out, None)?;
                            exports_written = true;
                        }
                        copy_section(&mut out, wasm, &other)?;
                    }
                }
            }
            Payload::CodeSectionEntry(_) => {}
            other => copy_section(&mut out, wasm, &other)?,
        }
    }
    if !imports_written {
        memories = write_imports(&mut out, None, &mut imported_memory_count)?;
    }
    if !exports_written {
        write_exports(&mut out, None)?;
    }
    Ok(Rewritten { wasm: out.finish(), memories })
}

fn copy_section(out: &mut Encoded, wasm: &[u8], payload: &Payload<'_>) -> Result<()> {
    match payload.as_section() {
        Some((id, range)) => {
            out.section(&RawSection { id, data: &wasm[range] });
            Ok(())
        }
        None => bail!("unexpected payload in module: {payload:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wat(s: &str) -> Vec<u8> {
        wat::parse_str(s).expect("valid wat")
    }

    fn imports(wasm: &[u8]) -> Vec<(String, String, String)> {
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
        assert_eq!((imps[1].0.as_str(), imps[1].1.as_str()), (MEMORY_MODULE, "memory"));
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
