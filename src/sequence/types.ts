// Sequence's response types, straight from the spec's schemas.
import type { components } from "../../generated/sequence/types.js";

type Schemas = components["schemas"];
export type SequenceUser = Schemas["SequenceUserResponse"];
export type PaginationResponse = Schemas["PaginationResponse"];
export type ListSequenceUsersResponse = Schemas["ListSequenceUsersResponse"];
