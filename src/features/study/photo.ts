import { ApiError } from '../../services/call'
import { photoForUpload, PhotoError, type PickedPhoto } from '../../services/photo'

/**
 * The photo as the server takes it, or nothing. An upload that fails is a network failure like
 * a failed call, so a form says its words (not a generic failure) and keeps what was typed.
 */
export async function uploadedPhoto(photo: PickedPhoto | null, folder: 'study' | 'xuexi'): Promise<string | undefined> {
  if (!photo) return undefined
  try {
    return await photoForUpload(photo, folder)
  } catch (err) {
    throw err instanceof PhotoError ? new ApiError('NETWORK', err.message) : err
  }
}
