import { Avatar } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { imageAddress } from '../api';

/** A user's photo, fetched with the session's token (the address changes with each new photo), or their initial. */
export function UserAvatar({ photoUrl, name, size = 32 }: { photoUrl: string | null; name: string; size?: number }) {
  const photo = useQuery({
    queryKey: ['photo', photoUrl],
    queryFn: () => imageAddress(photoUrl!),
    enabled: !!photoUrl,
    staleTime: Infinity,
  });
  return photo.data
    ? <Avatar src={photo.data} size={size} alt={name} data-testid="avatar-photo" />
    : <Avatar size={size} data-testid="avatar-initial">{name.charAt(0).toUpperCase()}</Avatar>;
}
