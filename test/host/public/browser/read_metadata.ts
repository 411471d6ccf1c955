import { HOST_METADATA_ELEMENT_ID, type HostMetadata } from '../host_metadata';

/** The injected metadata the host's page embeds (see ../page_html.ts). */
export function readMetadata(): HostMetadata {
  const element = document.getElementById(HOST_METADATA_ELEMENT_ID);
  if (!element?.textContent)
    throw new Error(`#${HOST_METADATA_ELEMENT_ID} is missing from the page`);
  return JSON.parse(element.textContent) as HostMetadata;
}
