;; expect: valid
(module (type $s (struct (field i32)))
  (func (result i32) unreachable ref.as_non_null ref.is_null)
  (func (result anyref) unreachable any.convert_extern)
  (func (result i32) unreachable struct.get $s 0)
  (func (result (ref $s)) unreachable ref.cast (ref $s))
  (func (result i32) unreachable array.len)
  (func unreachable br_on_null 0 drop))
