//! todo
pub fn export_ics(_s: &crate::store::Store, _p: bool) -> Result<String, super::TransferError> {
    Ok(String::new())
}
